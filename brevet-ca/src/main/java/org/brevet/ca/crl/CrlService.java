package org.brevet.ca.crl;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.auth.RoleGate;
import org.brevet.pki.BrevetException;

/**
 * The issuing point as callers see it: on-demand updates for agents, the schedule's {@link #updateIfDue}
 * and the stored CRLs for downloading. Serving reads the database, so every node serves the same CRL.
 */
public final class CrlService implements CrlDistribution {
    private final CrlGenerator generator;
    private final CrlRepository crls;
    private final RoleGate gate;
    private final Clock clock;

    public CrlService(CrlGenerator generator, CrlRepository crls, RoleGate gate, Clock clock) {
        this.generator = generator;
        this.crls = crls;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public CrlInfo update(Caller agent, String issuingPoint) {
        gate.require(agent, "update the CRL", Role.AGENT);
        point(issuingPoint);
        return updateNow();
    }

    private CrlInfo updateNow() {
        CrlInfo full = generator.generateFull();
        if (generator.config().deltas()) {
            generator.generateDelta();
        }
        return full;
    }

    /**
     * Run by the scheduler: generates a full CRL when none exists or the latest one's next update (the
     * update interval or a daily time, see {@link CrlConfig#nextFullUpdate}) has come, else a delta CRL
     * when those are enabled and due. Returns what was generated.
     */
    public Optional<CrlInfo> updateIfDue() {
        CrlConfig config = generator.config();
        Instant now = clock.instant();
        Optional<CrlInfo> full = crls.latest(config.issuingPoint(), CrlInfo.Kind.FULL);
        if (full.isEmpty() || !now.isBefore(config.nextFullUpdate(full.get().thisUpdate()))) {
            return Optional.of(updateNow());
        }
        if (config.deltas()) {
            Optional<CrlInfo> delta = crls.latest(config.issuingPoint(), CrlInfo.Kind.DELTA)
                    .filter(d -> d.baseNumber().equals(Optional.of(full.get().number())));
            if (delta.isEmpty() || !now.isBefore(delta.get().thisUpdate().plus(config.deltaInterval()))) {
                return Optional.of(generator.generateDelta());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
        point(issuingPoint);
        return crls.latest(issuingPoint, kind);
    }

    @Override
    public CrlInfo copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
        point(issuingPoint);
        return crls.copyLatest(issuingPoint, kind, out).orElseThrow(() -> BrevetException.notFound(
                "no " + (kind == CrlInfo.Kind.FULL ? "CRL" : "delta CRL") + " has been generated for " + issuingPoint
                + (kind == CrlInfo.Kind.DELTA && !generator.config().deltas() ? " (delta CRLs are disabled)" : "")));
    }

    private void point(String issuingPoint) {
        if (!generator.config().issuingPoint().equals(issuingPoint)) {
            throw BrevetException.notFound("unknown CRL issuing point '" + issuingPoint + "' (this CA has "
                    + generator.config().issuingPoint() + ")");
        }
    }
}
