package org.brevet.pki;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/** Encodes and decodes {@link Pkcs12Store}s with BouncyCastle's PKCS#12 PDU classes. */
final class Pkcs12Codec {
    static final int PBKDF2_ITERATIONS = 100_000;
    static final int MAC_ITERATIONS = 10_000;
    /** Oracle's trustedKeyUsage bag attribute: makes the JDK's KeyStore see a trusted-certificate entry. */
    private static final ASN1ObjectIdentifier JDK_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");

    private Pkcs12Codec() {
    }

    static byte[] encode(Pkcs12Store store, Secret password, SecureRandom random) {
        char[] pw = password.chars();
        try {
            OutputEncryptor keyEncryptor = encryptor(pw, random);
            OutputEncryptor certEncryptor = encryptor(pw, random);
            List<PKCS12SafeBag> certBags = new ArrayList<>();
            List<PKCS12SafeBag> keyBags = new ArrayList<>();
            for (Map.Entry<String, Pkcs12Store.Entry> e : store.entries().entrySet()) {
                String alias = e.getKey();
                if (e.getValue() instanceof Pkcs12Store.KeyEntry key) {
                    DEROctetString localKeyId = new DEROctetString(PublicKeys.keyIdentifier(key.certificate().publicKey()).bytes());
                    PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(
                            PrivateKeyInfo.getInstance(key.privateKey().getEncoded()), keyEncryptor);
                    keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                    keyBags.add(keyBag.build());
                    for (int i = 0; i < key.chain().size(); i++) {
                        PKCS12SafeBagBuilder certBag = new PKCS12SafeBagBuilder(key.chain().get(i).toBc());
                        if (i == 0) {
                            certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                            certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                        }
                        certBags.add(certBag.build());
                    }
                } else if (e.getValue() instanceof Pkcs12Store.TrustedEntry trusted) {
                    PKCS12SafeBagBuilder certBag = new PKCS12SafeBagBuilder(trusted.certificate().toBc());
                    certBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    certBag.addBagAttribute(JDK_TRUSTED_KEY_USAGE, KeyPurposeId.anyExtendedKeyUsage.toOID());
                    certBags.add(certBag.build());
                } else {
                    throw new AssertionError(e.getValue());
                }
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            if (!certBags.isEmpty()) {
                pfx.addEncryptedData(certEncryptor, certBags.toArray(new PKCS12SafeBag[0]));
            }
            for (PKCS12SafeBag keyBag : keyBags) {
                pfx.addData(keyBag);
            }
            BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE)).setIterationCount(MAC_ITERATIONS);
            return pfx.build(mac, pw).getEncoded("DER");
        } catch (IOException | PKCSException | OperatorCreationException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encode the PKCS#12 data", e);
        }
    }

    static Pkcs12Store decode(byte[] bytes, Secret password, String source) {
        PKCS12PfxPdu pfx;
        try {
            pfx = new PKCS12PfxPdu(bytes);
            pfx.getContentInfos();
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed(source + " is not a PKCS#12 file", e);
        }
        char[] pw = password.chars();
        verifyMac(pfx, pw, source);
        InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(Providers.bc()).build(pw);
        List<PKCS12SafeBag> bags = new ArrayList<>();
        try {
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor)
                        : new PKCS12SafeBagFactory(info);
                bags.addAll(List.of(factory.getSafeBags()));
            }
        } catch (PKCSException e) {
            throw wrongPassword(source, e);
        } catch (RuntimeException e) {
            throw BrevetException.malformed(source + " holds malformed PKCS#12 content", e);
        }
        return assemble(bags, decryptor, source);
    }

    private static Pkcs12Store assemble(List<PKCS12SafeBag> bags, InputDecryptorProvider decryptor, String source) {
        List<Bag<Certificate>> certs = new ArrayList<>();
        List<Bag<PrivateKeyInfo>> keys = new ArrayList<>();
        try {
            for (PKCS12SafeBag bag : bags) {
                ASN1ObjectIdentifier type = bag.getType();
                if (type.equals(PKCSObjectIdentifiers.certBag) && bag.getBagValue() instanceof X509CertificateHolder h) {
                    certs.add(new Bag<>(Certificate.of(h), friendlyName(bag), localKeyId(bag)));
                } else if (type.equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    PrivateKeyInfo info = ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).decryptPrivateKeyInfo(decryptor);
                    keys.add(new Bag<>(info, friendlyName(bag), localKeyId(bag)));
                } else if (type.equals(PKCSObjectIdentifiers.keyBag)) {
                    keys.add(new Bag<>((PrivateKeyInfo) bag.getBagValue(), friendlyName(bag), localKeyId(bag)));
                }
            }
        } catch (PKCSException e) {
            throw wrongPassword(source, e);
        } catch (RuntimeException e) {
            throw BrevetException.malformed(source + " holds a malformed PKCS#12 bag", e);
        }
        return Pkcs12Chains.build(keys, certs, source);
    }

    /** A decoded bag value with its attributes. */
    record Bag<T>(T value, Optional<String> friendlyName, Optional<Der> localKeyId) {
    }

    private static void verifyMac(PKCS12PfxPdu pfx, char[] pw, String source) {
        if (!pfx.hasMac()) {
            return;
        }
        boolean valid;
        try {
            valid = pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), pw);
        } catch (PKCSException | RuntimeException e) {
            throw BrevetException.malformed(source + " has a PKCS#12 MAC that cannot be checked", e);
        }
        if (!valid) {
            throw wrongPassword(source, null);
        }
    }

    private static OutputEncryptor encryptor(char[] pw, SecureRandom random) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(Providers.bc())
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setIterationCount(PBKDF2_ITERATIONS)
                .setRandom(random)
                .build(pw);
    }

    private static Optional<String> friendlyName(PKCS12SafeBag bag) {
        return attribute(bag, PKCSObjectIdentifiers.pkcs_9_at_friendlyName).map(v -> ((ASN1String) v).getString());
    }

    private static Optional<Der> localKeyId(PKCS12SafeBag bag) {
        return attribute(bag, PKCSObjectIdentifiers.pkcs_9_at_localKeyId).map(v -> Der.of(ASN1OctetString.getInstance(v).getOctets()));
    }

    private static Optional<ASN1Encodable> attribute(PKCS12SafeBag bag, ASN1ObjectIdentifier oid) {
        Attribute[] attrs = bag.getAttributes();
        if (attrs == null) {
            return Optional.empty();
        }
        for (Attribute a : attrs) {
            if (a.getAttrType().equals(oid) && a.getAttrValues().size() > 0) {
                return Optional.of(a.getAttrValues().getObjectAt(0));
            }
        }
        return Optional.empty();
    }

    private static BrevetException wrongPassword(String source, Exception cause) {
        return new BrevetException(ErrorKind.UNAUTHORIZED, "wrong password for PKCS#12 file " + source, cause);
    }
}
