package org.brevet.ca.crl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.audit.AuditEvents;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.PublicKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the full and delta CRLs of one issuing point, signed with the CA key. Entries are streamed
 * from the store into a spool file and the CertificateList is written around them, so heap use does not
 * depend on how many certificates are revoked. CRL numbers come from the store (never repeated, never
 * backwards, whichever node generates); the result is stored there for every node to serve.
 * Extensions: authority key identifier, CRL number, issuing distribution point (critical), FreshestCRL
 * when deltas are published, and for deltas the delta CRL indicator (critical).
 */
public final class CrlGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(CrlGenerator.class);

    private final CrlConfig config;
    private final CaIdentity ca;
    private final RevocationRepository revocations;
    private final CrlRepository crls;
    private final AuditLog audit;
    private final Clock clock;
    private final X500Name issuer;
    private final Der authorityKeyId;

    public CrlGenerator(CrlConfig config, CaIdentity ca, RevocationRepository revocations, CrlRepository crls,
            AuditLog audit, Clock clock) {
        this.config = config;
        this.ca = ca;
        this.revocations = revocations;
        this.crls = crls;
        this.audit = audit;
        this.clock = clock;
        this.issuer = ca.certificate().toBc().getSubject();
        this.authorityKeyId = ca.certificate().subjectKeyIdentifier()
                .orElseGet(() -> PublicKeys.keyIdentifier(ca.certificate().publicKey()));
    }

    public CrlConfig config() {
        return config;
    }

    /** Generates, signs and stores a full CRL. */
    public CrlInfo generateFull() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant cutoff = now.minus(config.keepExpired());
        return generate(CrlInfo.Kind.FULL, Optional.empty(), now, config.nextFullUpdate(now),
                (spool) -> revocations.forEachRevoked(cutoff, r -> spool.add(r.toEntry())));
    }

    /**
     * Generates, signs and stores a delta CRL against the latest full CRL: every revocation and release
     * from hold since shortly before that CRL's thisUpdate. CONFLICT when deltas are off or no full CRL
     * exists yet.
     */
    public CrlInfo generateDelta() {
        if (!config.deltas()) {
            throw new BrevetException(ErrorKind.CONFLICT, "delta CRLs are not enabled for " + config.issuingPoint());
        }
        CrlInfo base = crls.latest(config.issuingPoint(), CrlInfo.Kind.FULL).orElseThrow(() -> new BrevetException(
                ErrorKind.CONFLICT, "no full CRL for " + config.issuingPoint() + " yet; a delta needs a base CRL"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant since = base.thisUpdate().minus(config.deltaOverlap());
        Instant cutoff = now.minus(config.keepExpired());
        return generate(CrlInfo.Kind.DELTA, Optional.of(base.number()), now, now.plus(config.deltaInterval()),
                (spool) -> revocations.forEachChangeSince(since, cutoff, r -> spool.add(r.toEntry())));
    }

    private interface Source {
        void fill(EntrySpool spool);
    }

    private CrlInfo generate(CrlInfo.Kind kind, Optional<BigInteger> base, Instant thisUpdate, Instant nextUpdate, Source source) {
        String event = kind == CrlInfo.Kind.FULL ? AuditEvents.FULL_CRL_GENERATION : AuditEvents.DELTA_CRL_GENERATION;
        long started = System.nanoTime();
        try {
            BigInteger number = crls.nextCrlNumber(config.issuingPoint(), config.startingNumber());
            Path out = Files.createTempFile(config.workDirectory(), "crl", ".der");
            try (EntrySpool spool = new EntrySpool(config.workDirectory())) {
                source.fill(spool);
                spool.finish();
                long length;
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                    length = CrlAssembler.write(issuer, thisUpdate, nextUpdate, extensions(number, base), spool, ca.signer(), o);
                }
                CrlInfo info = new CrlInfo(config.issuingPoint(), kind, number, base, thisUpdate, nextUpdate, spool.count(), length);
                boolean stored;
                try (InputStream in = Files.newInputStream(out)) {
                    stored = crls.store(info, in);
                }
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("CRLIssuingPoint", config.issuingPoint());
                fields.put("CRLNum", number.toString());
                base.ifPresent(b -> fields.put("BaseCRLNum", b.toString()));
                fields.put("Entries", String.valueOf(spool.count()));
                audit.append(new AuditEvent(event, AuditEvents.SYSTEM, AuditEvent.Outcome.SUCCESS, fields));
                LOG.info("{} CRL {} #{}: {} entries, {} bytes in {} ms{}", kind == CrlInfo.Kind.FULL ? "full" : "delta",
                        config.issuingPoint(), number, spool.count(), length,
                        Duration.ofNanos(System.nanoTime() - started).toMillis(),
                        stored ? "" : " (a newer one was already stored by another node)");
                return info;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException | UncheckedIOException e) {
            failed(event, e);
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write the CRL spool in " + config.workDirectory()
                    + ": " + e.getMessage(), e);
        } catch (BrevetException e) {
            failed(event, e);
            throw e;
        }
    }

    private void failed(String event, Exception e) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CRLIssuingPoint", config.issuingPoint());
        fields.put("FailureReason", String.valueOf(e.getMessage()));
        try {
            audit.append(new AuditEvent(event, AuditEvents.SYSTEM, AuditEvent.Outcome.FAILURE, fields));
        } catch (BrevetException ignored) {
            LOG.error("CRL generation for {} failed and could not be audited: {}", config.issuingPoint(), e.getMessage());
        }
    }

    private Extensions extensions(BigInteger number, Optional<BigInteger> base) throws IOException {
        ExtensionsGenerator g = new ExtensionsGenerator();
        g.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId.bytes()));
        g.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
        if (base.isPresent()) {
            g.addExtension(Extension.deltaCRLIndicator, true, new ASN1Integer(base.get()));
        }
        g.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                uri(config.distributionPoint()), false, false, null, false, false));
        if (base.isEmpty() && config.deltas() && config.deltaUrl().isPresent()) {
            g.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(uri(config.deltaUrl().get()), null, null)}));
        }
        return g.generate();
    }

    private static DistributionPointName uri(String url) {
        return new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    }
}
