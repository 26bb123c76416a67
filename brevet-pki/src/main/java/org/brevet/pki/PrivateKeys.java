package org.brevet.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * Private keys in PEM files. Writes PKCS#8: {@code PRIVATE KEY}, or {@code ENCRYPTED PRIVATE KEY} (PBES2
 * with AES-256-CBC and PBKDF2-HMAC-SHA256) when a password is given. Reads those and OpenSSL's
 * traditional {@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY} (also encrypted with Proc-Type headers).
 * Files are written atomically with mode 0600.
 */
public final class PrivateKeys {
    /** PBKDF2 iterations for new encrypted keys (OWASP 2023 suggests 600k for SHA-256; this keeps reads fast). */
    static final int PBKDF2_ITERATIONS = 100_000;

    private PrivateKeys() {
    }

    /** Unencrypted PKCS#8 PEM ("PRIVATE KEY"). */
    public static String toPem(PrivateKey key) {
        requireSoftware(key);
        return Pem.encode(Pem.PRIVATE_KEY, Der.of(key.getEncoded()));
    }

    /** Encrypted PKCS#8 PEM ("ENCRYPTED PRIVATE KEY"): PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256. */
    public static String toEncryptedPem(PrivateKey key, Secret password, SecureRandom random) {
        requireSoftware(key);
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                    .setPRF(org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(random)
                    .setProvider(Providers.bc())
                    .setPassword(password.chars())
                    .build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(new JcaPKCS8Generator(key, encryptor).generate());
            }
            return out.toString();
        } catch (OperatorCreationException | PemGenerationException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encrypt the private key", e);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
    }

    /** Reads an unencrypted key; an encrypted one fails with UNAUTHORIZED ("a password is needed"). */
    public static PrivateKey parse(String pem) {
        return parse(pem, null);
    }

    /**
     * Reads a PEM private key, decrypting it with the password if it is encrypted.
     *
     * @throws BrevetException MALFORMED for anything but a private key; UNAUTHORIZED for a wrong or missing
     *     password
     */
    public static PrivateKey parse(String pem, Secret password) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object obj = parser.readObject(); obj != null; obj = parser.readObject()) {
                if (obj instanceof PrivateKeyInfo info) {
                    return fromPkcs8(info);
                }
                if (obj instanceof PEMKeyPair pair) {
                    return fromPkcs8(pair.getPrivateKeyInfo());
                }
                if (obj instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                    return fromPkcs8(decrypt(enc, requirePassword(password)));
                }
                if (obj instanceof PEMEncryptedKeyPair enc) {
                    return fromPkcs8(decrypt(enc, requirePassword(password)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BrevetException b) {
                throw b;
            }
            throw BrevetException.malformed("not a PEM private key", e);
        }
        throw new BrevetException(ErrorKind.MALFORMED, "no PEM private key found");
    }

    public static PrivateKey read(Path file) {
        return read(file, null);
    }

    /** Reads a key file; errors name the file. {@code password} may be null for an unencrypted key. */
    public static PrivateKey read(Path file, Secret password) {
        String pem = new String(FileInput.read(file), StandardCharsets.US_ASCII);
        try {
            return parse(pem, password);
        } catch (BrevetException e) {
            throw FileInput.about(file, e);
        }
    }

    /** Writes an unencrypted PKCS#8 key file atomically, mode 0600. */
    public static void write(Path file, PrivateKey key) {
        AtomicFiles.writeString(file, toPem(key), AtomicFiles.SECRET);
    }

    /** Writes an encrypted PKCS#8 key file atomically, mode 0600. */
    public static void write(Path file, PrivateKey key, Secret password, SecureRandom random) {
        AtomicFiles.writeString(file, toEncryptedPem(key, password, random), AtomicFiles.SECRET);
    }

    /** Decodes a DER PKCS#8 PrivateKeyInfo (EC keys as BouncyCastle objects, RSA as JDK objects). */
    public static PrivateKey fromDer(Der pkcs8) {
        try {
            return fromPkcs8(PrivateKeyInfo.getInstance(pkcs8.bytes()));
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("not a PKCS#8 private key", e);
        }
    }

    /** Derives the public key from a software private key (RSA CRT keys and EC keys). */
    public static PublicKey publicKeyOf(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (Providers.isEc(key.getAlgorithm())) {
                requireSoftware(key);
                KeyFactory bc = KeyFactory.getInstance("EC", Providers.bc());
                org.bouncycastle.jce.interfaces.ECPrivateKey ec = (org.bouncycastle.jce.interfaces.ECPrivateKey)
                        bc.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
                ECParameterSpec params = ec.getParameters();
                BigInteger d = ec.getD();
                return bc.generatePublic(new ECPublicKeySpec(params.getG().multiply(d).normalize(), params));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw BrevetException.malformed("cannot derive the public key", e);
        }
        throw new BrevetException(ErrorKind.MALFORMED, "cannot derive the public key of a " + key.getAlgorithm() + " key");
    }

    static PrivateKey fromPkcs8(PrivateKeyInfo info) {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        try {
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(info.getEncoded("DER"));
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey.getId())) {
                return KeyFactory.getInstance("EC", Providers.bc()).generatePrivate(spec);
            }
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption.getId())) {
                return KeyFactory.getInstance("RSA").generatePrivate(spec);
            }
            return KeyFactory.getInstance(oid, Providers.bc()).generatePrivate(spec);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw BrevetException.malformed("unsupported or invalid private key (" + oid + ")", e);
        }
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo enc, Secret password) {
        try {
            return enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(Providers.bc()).build(password.chars()));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw wrongPassword(e);
        }
    }

    private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair enc, Secret password) {
        try {
            return enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Providers.bc())
                    .build(password.chars())).getPrivateKeyInfo();
        } catch (PEMException e) {
            throw wrongPassword(e);
        } catch (IOException | RuntimeException e) {
            throw wrongPassword(e);
        }
    }

    private static Secret requirePassword(Secret password) {
        if (password == null) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "the private key is encrypted; a password is needed");
        }
        return password;
    }

    private static BrevetException wrongPassword(Exception e) {
        return new BrevetException(ErrorKind.UNAUTHORIZED, "wrong password for the encrypted private key", e);
    }

    private static void requireSoftware(PrivateKey key) {
        if (!Providers.isSoftwareKey(key)) {
            throw new BrevetException(ErrorKind.INTERNAL, "the private key is held in a token and cannot be exported");
        }
    }
}
