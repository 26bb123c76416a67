package org.brevet.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * Several certificates in one blob, in the forms CAs hand them out: concatenated PEM "CERTIFICATE" blocks,
 * a certs-only ("degenerate") PKCS#7 SignedData (RFC 2315/5652; Dogtag's getCertChain, SCEP's
 * GetCACert, EST's cacerts) as DER, base64 or PEM "PKCS7", or a single DER certificate.
 */
public final class CertificateBundle {
    public static final String PKCS7_PEM_LABEL = "PKCS7";

    private CertificateBundle() {
    }

    /**
     * Every certificate in the input, in the order it holds them.
     *
     * @throws BrevetException MALFORMED if the input is none of the accepted forms or holds no certificate
     */
    public static List<Certificate> parse(byte[] input) {
        if (input == null || input.length == 0) {
            throw new BrevetException(ErrorKind.MALFORMED, "the certificate bundle is empty");
        }
        List<Certificate> out;
        if (Pem.looksLikePem(input)) {
            String text = new String(input, StandardCharsets.US_ASCII);
            out = new ArrayList<>(Certificate.parseAll(text));
            for (Pem.Block b : Pem.decodeAll(text)) {
                if (b.label().equals(PKCS7_PEM_LABEL) || b.label().equals("CERTIFICATE CHAIN")) {
                    out.addAll(fromPkcs7(b.der().bytes()));
                }
            }
        } else {
            out = fromDer(PemOrDer.decode(input, "certificate bundle", Pem.CERTIFICATE));
        }
        if (out.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "the certificate bundle holds no certificate");
        }
        return List.copyOf(out);
    }

    /** A certs-only PKCS#7 SignedData holding the certificates. */
    public static Der toPkcs7(List<Certificate> certificates) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            List<X509CertificateHolder> holders = new ArrayList<>();
            certificates.forEach(c -> holders.add(c.toBc()));
            gen.addCertificates(new CollectionStore<>(holders));
            return Der.of(gen.generate(new CMSAbsentContent(), false).getEncoded("DER"));
        } catch (CMSException | IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot encode a PKCS#7 certificate bundle", e);
        }
    }

    /** {@link #toPkcs7} as PEM ("PKCS7"), as {@code openssl crl2pkcs7} writes it. */
    public static String toPkcs7Pem(List<Certificate> certificates) {
        return Pem.encode(PKCS7_PEM_LABEL, toPkcs7(certificates));
    }

    private static List<Certificate> fromDer(byte[] der) {
        try {
            return List.of(Certificate.fromDer(Der.of(der)));
        } catch (BrevetException notACertificate) {
            return fromPkcs7(der);
        }
    }

    private static List<Certificate> fromPkcs7(byte[] der) {
        try {
            CMSSignedData signed = new CMSSignedData(der);
            List<Certificate> out = new ArrayList<>();
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                out.add(Certificate.of(h));
            }
            return out;
        } catch (CMSException | RuntimeException e) {
            throw BrevetException.malformed("neither a certificate nor a PKCS#7 certificate bundle", e);
        }
    }
}
