package org.brevet.protocol.scep;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Providers;
import org.brevet.pki.Signer;

/** The two CMS layers of every SCEP message: an EnvelopedData, inside a SignedData with SCEP's attributes. */
final class ScepSigning {
    private ScepSigning() {
    }

    /** Encrypts to one certificate (RSA key transport) with the cipher. */
    static Der envelope(Der content, Certificate recipient, ContentCipher cipher) {
        try {
            CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
            gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient.toX509()).setProvider(Providers.bc()));
            return Der.of(gen.generate(new CMSProcessableByteArray(content.bytes()),
                    new JceCMSContentEncryptorBuilder(cipher.oid()).setProvider(Providers.bc()).build())
                    .toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (CMSException | java.security.cert.CertificateEncodingException | IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encrypt the SCEP message", e);
        }
    }

    /**
     * Signs {@code content} (id-data, encapsulated; empty for a reply without content) with SHA-256 (the signer's algorithm), the
     * given SCEP attributes and signingTime, carrying the signer's certificate.
     */
    static Der sign(Der content, Signer signer, Certificate certificate, List<Attribute> attributes, Instant signingTime) {
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            attributes.forEach(v::add);
            v.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            SignerInfoGeneratorBuilder builder = new SignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bc()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(v)));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(builder.build(signer.contentSigner(), certificate.toBc()));
            gen.addCertificates(new CollectionStore<X509CertificateHolder>(List.of(certificate.toBc())));
            return Der.of(gen.generate(new CMSProcessableByteArray(content.bytes()), true)
                    .toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (CMSException | OperatorCreationException | IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot sign the SCEP message", e);
        }
    }

    static Attribute printable(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, String value) {
        return new Attribute(oid, new DERSet(new DERPrintableString(value)));
    }

    static Attribute octets(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, Der value) {
        return new Attribute(oid, new DERSet(new DEROctetString(value.bytes())));
    }
}
