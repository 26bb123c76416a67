package org.brevet.tracker.submit;

import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;

/** Submits to the tracker's built-in {@link LocalCa}; the CA certificate comes back as the chain (saved by {@code -F}). */
public final class LocalCaSubmitter implements Submitter {
    private final LocalCa ca;

    public LocalCaSubmitter(LocalCa ca) {
        this.ca = ca;
    }

    @Override
    public SubmitOutcome submit(SubmitRequest request) {
        try {
            Certificate leaf = ca.issue(request.csr(), request.template());
            return new SubmitOutcome.Issued(leaf.toPem(), List.of(ca.certificate().toPem()));
        } catch (BrevetException e) {
            return new SubmitOutcome.Rejected(e.detail());
        }
    }
}
