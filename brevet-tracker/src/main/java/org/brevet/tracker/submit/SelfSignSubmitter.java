package org.brevet.tracker.submit;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;

/**
 * certmonger's {@code SelfSign} CA: the certificate is signed with the request's own key; issuer = subject;
 * validity {@code [selfsign] validity_period} (default one year). Serial numbers are random (64+ bits)
 * instead of certmonger's per-CA counter, so two self-signed certificates never share issuer and serial.
 */
public final class SelfSignSubmitter implements Submitter {
    private final Clock clock;
    private final SecureRandom random;
    private final Duration validity;

    public SelfSignSubmitter(Clock clock, SecureRandom random, Duration validity) {
        this.clock = clock;
        this.random = random;
        this.validity = validity;
    }

    /** {@code [selfsign] validity_period}. */
    public Duration validity() {
        return validity;
    }

    @Override
    public boolean needsKey() {
        return true;
    }

    @Override
    public SubmitOutcome submit(SubmitRequest request) {
        if (request.keyPair().isEmpty()) {
            return new SubmitOutcome.Unconfigured("Can't self-sign without access to the private key.");
        }
        KeyPair pair = request.keyPair().get();
        try {
            Certificate cert = Issuance.issue(request.csr(), request.template(), request.csr().subject(),
                    Signer.of(pair.getPrivate(), pair.getPublic()), SerialNumber.random(random), clock.instant(),
                    validity, pair.getPublic());
            return new SubmitOutcome.Issued(cert.toPem(), List.of());
        } catch (BrevetException e) {
            return new SubmitOutcome.Rejected(e.detail());
        }
    }
}
