package org.brevet.tracker.submit;

import java.security.KeyPair;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.Csr;
import org.brevet.tracker.state.CsrTemplate;

/**
 * One submission (or poll, when {@code cookie} is present) to a CA. {@code keyPair} is given only to CAs
 * that sign with the request's own key (SelfSign); {@code currentCertificatePem} is the certificate being
 * renewed, if any.
 */
public record SubmitRequest(
        String caNickname,
        Csr csr,
        CsrTemplate template,
        Optional<String> cookie,
        Optional<String> currentCertificatePem,
        Optional<KeyPair> keyPair) {

    public SubmitRequest {
        Objects.requireNonNull(caNickname, "caNickname");
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(currentCertificatePem, "currentCertificatePem");
        Objects.requireNonNull(keyPair, "keyPair");
    }
}
