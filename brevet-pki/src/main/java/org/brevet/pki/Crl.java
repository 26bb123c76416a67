package org.brevet.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;

/** An immutable, parsed X.509 CRL. Equal when the DER encodings are equal. */
public final class Crl {
    public static final String PEM_LABEL = Pem.X509_CRL;

    private final X509CRLHolder holder;
    private final Der der;

    private Crl(X509CRLHolder holder, Der der) {
        this.holder = holder;
        this.der = der;
    }

    /** Parses PEM ("X509 CRL"), DER or bare base64. */
    public static Crl parse(byte[] pemOrDer) {
        byte[] der = PemOrDer.decode(pemOrDer, "CRL", PEM_LABEL, "CRL");
        try {
            Crl crl = new Crl(new X509CRLHolder(der), Der.of(der));
            crl.entries();
            crl.crlNumber();
            return crl;
        } catch (BrevetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BrevetException.malformed("not a valid X.509 CRL", e);
        }
    }

    public static Crl parse(String pem) {
        return parse(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static Crl of(X509CRLHolder holder) {
        try {
            return new Crl(holder, Der.of(holder.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a CRL", e);
        }
    }

    public DistinguishedName issuer() {
        return DistinguishedName.of(holder.getIssuer());
    }

    public Instant thisUpdate() {
        return holder.toASN1Structure().getThisUpdate().getDate().toInstant();
    }

    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(holder.getNextUpdate()).map(java.util.Date::toInstant);
    }

    public Optional<BigInteger> crlNumber() {
        Extension e = holder.getExtension(Extension.cRLNumber);
        return Optional.ofNullable(e).map(x -> ASN1Integer.getInstance(x.getParsedValue()).getValue());
    }

    /** The base CRL number if this is a delta CRL. */
    public Optional<BigInteger> deltaBase() {
        Extension e = holder.getExtension(Extension.deltaCRLIndicator);
        return Optional.ofNullable(e).map(x -> ASN1Integer.getInstance(x.getParsedValue()).getValue());
    }

    public List<RevokedEntry> entries() {
        List<RevokedEntry> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CRLEntryHolder> all = holder.getRevokedCertificates();
        for (X509CRLEntryHolder e : all) {
            out.add(entry(e));
        }
        return List.copyOf(out);
    }

    public Optional<RevokedEntry> find(SerialNumber serial) {
        X509CRLEntryHolder e = holder.getRevokedCertificate(serial.value());
        return Optional.ofNullable(e).map(Crl::entry);
    }

    public boolean isRevoked(SerialNumber serial) {
        return holder.getRevokedCertificate(serial.value()) != null;
    }

    public boolean verifiedBy(PublicKey issuerKey) {
        CertificateList c = holder.toASN1Structure();
        return SignatureCheck.isValid(c.getSignatureAlgorithm(), c.getTBSCertList(), c.getSignature().getOctets(), issuerKey);
    }

    public Der toDer() {
        return der;
    }

    public String toPem() {
        return Pem.encode(PEM_LABEL, der);
    }

    public X509CRL toX509() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der.bytes()));
        } catch (CertificateException | CRLException e) {
            throw BrevetException.malformed("the JDK cannot read the CRL", e);
        }
    }

    public X509CRLHolder toBc() {
        return holder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crl other && der.equals(other.der);
    }

    @Override
    public int hashCode() {
        return der.hashCode();
    }

    @Override
    public String toString() {
        return "Crl[issuer=" + issuer() + ", number=" + crlNumber().map(BigInteger::toString).orElse("-") + "]";
    }

    private static RevokedEntry entry(X509CRLEntryHolder e) {
        Extension reason = e.getExtension(Extension.reasonCode);
        RevocationReason r = reason == null ? RevocationReason.UNSPECIFIED
                : RevocationReason.fromCode(ASN1Enumerated.getInstance(reason.getParsedValue()).intValueExact());
        Extension inv = e.getExtension(Extension.invalidityDate);
        Optional<Instant> invalidity = Optional.ofNullable(inv).map(x -> {
            try {
                return ASN1GeneralizedTime.getInstance(x.getParsedValue()).getDate().toInstant();
            } catch (java.text.ParseException ex) {
                throw BrevetException.malformed("bad invalidityDate in CRL entry", ex);
            }
        });
        return new RevokedEntry(new SerialNumber(e.getSerialNumber()), e.getRevocationDate().toInstant(), r, invalidity);
    }
}
