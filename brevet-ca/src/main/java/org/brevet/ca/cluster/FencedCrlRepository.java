package org.brevet.ca.cluster;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.Lease;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.Leases;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * The CRL store as the CRL master writes it: taking a CRL number and storing a CRL first check, in the
 * database, that this node still holds the lease of the term it started under. A master that lost its lease
 * (paused, cut off, replaced by {@code ca promote}) thus stops at its next step instead of publishing a
 * competing CRL. Numbers never repeat or go backwards in any case: the store takes them under a row lock and
 * only replaces a CRL with a higher-numbered one.
 */
final class FencedCrlRepository implements CrlRepository {
    private final CrlRepository crls;
    private final Leases leases;
    private final LeaseTerm term;
    private final Clock clock;

    FencedCrlRepository(CrlRepository crls, Leases leases, LeaseTerm term, Clock clock) {
        this.crls = crls;
        this.leases = leases;
        this.term = term;
        this.clock = clock;
    }

    @Override
    public BigInteger nextCrlNumber(String issuingPoint, BigInteger startingNumber) {
        requireTerm();
        return crls.nextCrlNumber(issuingPoint, startingNumber);
    }

    @Override
    public boolean store(CrlInfo info, InputStream der) {
        requireTerm();
        return crls.store(info, der);
    }

    @Override
    public Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
        return crls.latest(issuingPoint, kind);
    }

    @Override
    public Optional<CrlInfo> copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
        return crls.copyLatest(issuingPoint, kind, out);
    }

    private void requireTerm() {
        Optional<Lease> mine = term.current();
        Optional<Lease> stored = leases.current(Cluster.CRL_MASTER);
        boolean held = mine.isPresent() && stored.isPresent()
                && stored.get().fencingToken() == mine.get().fencingToken()
                && stored.get().isHeldBy(term.nodeId(), clock.instant());
        if (!held) {
            throw new BrevetException(ErrorKind.CONFLICT, "node " + term.nodeId() + " is not the CRL master"
                    + stored.map(l -> " (lease held by " + l.holder() + ", term " + l.fencingToken() + ")").orElse(""));
        }
    }
}
