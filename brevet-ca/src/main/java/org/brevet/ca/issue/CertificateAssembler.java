package org.brevet.ca.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.brevet.ca.AuthorityConfig;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.profile.CertificateDraft;
import org.brevet.ca.profile.ProfileDefaults.BasicConstraints;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SerialNumber;

/**
 * Turns a shaped {@link CertificateDraft} into a certificate signed by the CA: issuer name and AKI from
 * the CA certificate, the CA's URLs in AIA and the CRL distribution point, and a validity that never
 * outlasts the CA certificate. Thread-safe (a new builder per certificate).
 */
final class CertificateAssembler {
    private final CaIdentity ca;
    private final AuthorityConfig urls;

    CertificateAssembler(CaIdentity ca, AuthorityConfig urls) {
        this.ca = ca;
        this.urls = urls;
    }

    /**
     * Builds the TBSCertificate, hands its DER to {@code beforeSigning}, and signs it if that returned.
     *
     * @throws BrevetException UNAVAILABLE if the CA certificate is not valid at {@code now}
     */
    Certificate sign(CertificateDraft draft, SerialNumber serial, Instant now, Consumer<Der> beforeSigning) {
        Certificate caCert = ca.certificate();
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS);
        if (!notBefore.isBefore(caCert.notAfter())) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "the CA certificate expired at " + caCert.notAfter());
        }
        Instant wanted = notBefore.plus(Duration.ofDays(draft.validityDays()));
        Instant notAfter = wanted.isAfter(caCert.notAfter()) ? caCert.notAfter() : wanted;

        CertificateBuilder b = new CertificateBuilder()
                .serial(serial)
                .subject(draft.subject())
                .publicKey(draft.input().publicKey())
                .validity(notBefore, notAfter);
        if (draft.hasAuthorityKeyIdentifier()) {
            b.issuer(caCert);
        } else {
            b.issuer(caCert.subject());
        }
        draft.copiedExtensions().forEach(b::extension);
        addProfileExtensions(draft, b);
        return b.build(new IntentRecordingSigner(ca.signer(), beforeSigning));
    }

    private void addProfileExtensions(CertificateDraft draft, CertificateBuilder b) {
        if (!draft.keyUsage().isEmpty()) {
            b.keyUsage(draft.keyUsage());
        }
        if (!draft.extendedKeyUsage().isEmpty()) {
            b.extendedKeyUsage(draft.extendedKeyUsage());
        }
        if (draft.basicConstraints().isPresent()) {
            BasicConstraints bc = draft.basicConstraints().get();
            b.basicConstraints(bc.ca(), bc.pathLength(), bc.critical());
        }
        if (draft.hasSubjectKeyIdentifier()) {
            b.subjectKeyIdentifier();
        }
        b.subjectAltNames(draft.subjectAltNames());
        if (draft.hasOcspUrl()) {
            b.ocspUrl(urls.ocspUrl());
        }
        if (draft.hasCaIssuersUrl()) {
            b.caIssuersUrl(urls.caIssuersUrl());
        }
        if (draft.hasCrlDistributionPoint()) {
            b.crlDistributionPoint(urls.crlUrl());
        }
        if (draft.hasOcspNoCheck()) {
            b.ocspNoCheck();
        }
    }
}
