package org.brevet.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * Builds and signs an X.509 v2 CRL (RFC 5280 §5): issuer, thisUpdate, nextUpdate, cRLNumber, the
 * authority key identifier, optionally a delta-CRL indicator and an issuing distribution point, and
 * the revoked entries (reasonCode omitted for "unspecified" as §5.3.1 recommends).
 */
public final class CrlBuilder {
    private X500Name issuer;
    private Der authorityKeyId;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private BigInteger crlNumber;
    private BigInteger deltaBase;
    private String distributionPoint;
    private final List<RevokedEntry> entries = new ArrayList<>();

    /** Issuer name (byte for byte) and authority key identifier from the CA certificate. */
    public CrlBuilder issuer(Certificate caCertificate) {
        this.issuer = caCertificate.toBc().getSubject();
        this.authorityKeyId = caCertificate.subjectKeyIdentifier()
                .orElseGet(() -> PublicKeys.keyIdentifier(caCertificate.publicKey()));
        return this;
    }

    public CrlBuilder thisUpdate(Instant thisUpdate) {
        this.thisUpdate = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    public CrlBuilder nextUpdate(Instant nextUpdate) {
        this.nextUpdate = nextUpdate.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /** cRLNumber (§5.2.3), monotonically increasing per issuer. */
    public CrlBuilder crlNumber(BigInteger number) {
        this.crlNumber = Objects.requireNonNull(number, "number");
        return this;
    }

    /** Makes this a delta CRL relative to the full CRL with the given number (§5.2.4, critical). */
    public CrlBuilder deltaOf(BigInteger baseCrlNumber) {
        this.deltaBase = Objects.requireNonNull(baseCrlNumber, "baseCrlNumber");
        return this;
    }

    /** issuingDistributionPoint (§5.2.5, critical) with a full-name URI. */
    public CrlBuilder issuingDistributionPoint(String url) {
        this.distributionPoint = Objects.requireNonNull(url, "url");
        return this;
    }

    public CrlBuilder add(RevokedEntry entry) {
        entries.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    public CrlBuilder addAll(Collection<RevokedEntry> all) {
        all.forEach(this::add);
        return this;
    }

    public Crl build(Signer signer) {
        if (issuer == null || thisUpdate == null || nextUpdate == null || crlNumber == null) {
            throw new IllegalStateException("CRL issuer, thisUpdate, nextUpdate and crlNumber must be set");
        }
        X509v2CRLBuilder b = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        b.setNextUpdate(Date.from(nextUpdate));
        try {
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId.bytes()));
            b.addExtension(Extension.cRLNumber, false, new ASN1Integer(crlNumber));
            if (deltaBase != null) {
                b.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(deltaBase));
            }
            if (distributionPoint != null) {
                DistributionPointName name = new DistributionPointName(
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint)));
                b.addExtension(Extension.issuingDistributionPoint, true,
                        new IssuingDistributionPoint(name, false, false, null, false, false));
            }
            for (RevokedEntry e : entries) {
                b.addCRLEntry(e.serial().value(), Date.from(e.revokedAt()), entryExtensions(e));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode CRL extensions", e);
        }
        return Crl.of(b.build(signer.contentSigner()));
    }

    private static org.bouncycastle.asn1.x509.Extensions entryExtensions(RevokedEntry e) throws IOException {
        ExtensionsGenerator g = new ExtensionsGenerator();
        if (e.reason() != RevocationReason.UNSPECIFIED) {
            g.addExtension(Extension.reasonCode, false, CRLReason.lookup(e.reason().code()));
        }
        if (e.invalidityDate().isPresent()) {
            g.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(e.invalidityDate().get())));
        }
        return g.isEmpty() ? null : g.generate();
    }
}
