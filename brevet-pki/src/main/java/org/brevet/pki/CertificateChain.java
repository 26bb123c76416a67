package org.brevet.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A certificate chain, end-entity first, each certificate issued by the next. {@link #order} builds one
 * from a leaf and an unordered bundle (what PEM files and PKCS#7 responses hold); {@link #validate}
 * runs RFC 5280 path validation (the JDK's PKIX validator, revocation not checked) up to trust anchors.
 */
public record CertificateChain(List<Certificate> certificates) {
    private static final int MAX_LENGTH = 10;

    public CertificateChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a chain holds at least one certificate");
        }
    }

    /**
     * Orders {@code leaf} and the certificates in {@code pool} that issued it, following issuer names
     * and checking each signature; stops at a self-issued certificate or when no issuer is in the pool.
     * Certificates of the pool that are not on the path are left out.
     */
    public static CertificateChain order(Certificate leaf, Collection<Certificate> pool) {
        List<Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        Certificate current = leaf;
        while (!current.isSelfIssued() && chain.size() < MAX_LENGTH) {
            Optional<Certificate> issuer = issuerOf(current, pool, chain);
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return new CertificateChain(chain);
    }

    public Certificate leaf() {
        return certificates.get(0);
    }

    /** The last certificate: the root if the chain is complete. */
    public Certificate top() {
        return certificates.get(certificates.size() - 1);
    }

    /** Whether the chain ends in a self-signed certificate. */
    public boolean isComplete() {
        Certificate top = top();
        return top.isSelfIssued() && top.verifiedBy(top.publicKey());
    }

    /**
     * Validates the path at {@code at} against the anchors. Anchors in the chain itself are dropped
     * from the path, as RFC 5280 §6.1 wants.
     *
     * @throws BrevetException BAD_SIGNATURE if a signature does not verify; UNAUTHORIZED if the chain
     *     does not lead to an anchor, a certificate is expired or not yet valid, or a CA constraint fails
     */
    public void validate(Collection<Certificate> anchors, Instant at) {
        try {
            Set<TrustAnchor> trust = new HashSet<>();
            for (Certificate a : anchors) {
                trust.add(new TrustAnchor(a.toX509(), null));
            }
            List<java.security.cert.X509Certificate> path = new ArrayList<>();
            for (Certificate c : certificates) {
                if (anchors.contains(c)) {
                    break;
                }
                path.add(c.toX509());
            }
            if (path.isEmpty()) {
                return;
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(trust);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            throw rejected(e);
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "the certificate chain cannot be validated", e);
        }
    }

    /** The chain as concatenated PEM blocks, end-entity first. */
    public String toPem() {
        StringBuilder sb = new StringBuilder();
        certificates.forEach(c -> sb.append(c.toPem()));
        return sb.toString();
    }

    private static Optional<Certificate> issuerOf(Certificate child, Collection<Certificate> pool, List<Certificate> used) {
        for (Certificate candidate : pool) {
            if (!used.contains(candidate) && candidate.subject().equals(child.issuer())
                    && child.verifiedBy(candidate.publicKey())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static BrevetException rejected(CertPathValidatorException e) {
        String who = e.getIndex() >= 0 && e.getCertPath() != null && e.getIndex() < e.getCertPath().getCertificates().size()
                ? " (" + ((java.security.cert.X509Certificate) e.getCertPath().getCertificates().get(e.getIndex()))
                        .getSubjectX500Principal().getName() + ")"
                : "";
        if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return new BrevetException(ErrorKind.BAD_SIGNATURE, "a certificate signature does not verify" + who, e);
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return new BrevetException(ErrorKind.UNAUTHORIZED, "certificate expired" + who, e);
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new BrevetException(ErrorKind.UNAUTHORIZED, "certificate not yet valid" + who, e);
        }
        return new BrevetException(ErrorKind.UNAUTHORIZED, "certificate chain not trusted" + who, e);
    }
}
