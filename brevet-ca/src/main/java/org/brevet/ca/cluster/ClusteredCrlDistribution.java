package org.brevet.ca.cluster;

import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.Role;
import org.brevet.ca.api.store.CrlUpdateRequests;
import org.brevet.ca.auth.RoleGate;
import org.brevet.ca.crl.CrlService;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * CRLs as any node serves them. Downloads read the shared database. An agent's "update now" is carried out
 * here on the CRL master; on any other node it is queued in the database for the master, and the answer
 * comes once the master has stored the new CRL (or UNAVAILABLE after {@link ClusterSettings#crlWait()}).
 */
final class ClusteredCrlDistribution implements CrlDistribution {
    private static final long POLL_MILLIS = 100;

    private final CrlService crls;
    private final ClusterMember member;
    private final CrlUpdateRequests requests;
    private final RoleGate gate;
    private final ClusterSettings settings;
    private final Clock clock;

    ClusteredCrlDistribution(CrlService crls, ClusterMember member, CrlUpdateRequests requests, RoleGate gate,
            ClusterSettings settings, Clock clock) {
        this.crls = crls;
        this.member = member;
        this.requests = requests;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CrlInfo update(Caller agent, String issuingPoint) {
        if (member.isMaster()) {
            return crls.update(agent, issuingPoint);
        }
        BigInteger number = awaitResult(queue(agent, issuingPoint));
        return crls.latest(issuingPoint, CrlInfo.Kind.FULL).filter(c -> c.number().compareTo(number) >= 0)
                .orElseThrow(() -> new BrevetException(ErrorKind.INTERNAL, "CRL " + number + " was reported but is not stored"));
    }

    @Override
    public void requestUpdate(Caller agent, String issuingPoint) {
        if (member.isMaster()) {
            crls.update(agent, issuingPoint);
        } else {
            queue(agent, issuingPoint);
        }
    }

    private long queue(Caller agent, String issuingPoint) {
        gate.require(agent, "update the CRL", Role.AGENT);
        crls.latest(issuingPoint, CrlInfo.Kind.FULL); // NOT_FOUND for an unknown issuing point
        return requests.request(issuingPoint, agent.userId().orElse("anonymous"), clock.instant());
    }

    private BigInteger awaitResult(long id) {
        long deadline = System.nanoTime() + settings.crlWait().toNanos(); // a timeout: monotonic time, not the clock
        while (true) {
            Optional<BigInteger> done = requests.result(id);
            if (done.isPresent()) {
                return done.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "no CRL master carried out the CRL request within "
                        + settings.crlWait().toSeconds() + " s (see brevet ca status); it stays queued");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrevetException(ErrorKind.UNAVAILABLE, "interrupted while waiting for the CRL master", e);
            }
        }
    }

    @Override
    public Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
        return crls.latest(issuingPoint, kind);
    }

    @Override
    public CrlInfo copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
        return crls.copyLatest(issuingPoint, kind, out);
    }
}
