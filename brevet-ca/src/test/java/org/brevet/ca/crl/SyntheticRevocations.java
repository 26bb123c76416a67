package org.brevet.ca.crl;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;

/** Generates n revocations on the fly (nothing held), to exercise streaming with many entries. */
final class SyntheticRevocations implements RevocationRepository {
    private final int n;
    private final Instant at;

    SyntheticRevocations(int n, Instant at) {
        this.n = n;
        this.at = at;
    }

    @Override
    public void forEachRevoked(Instant expiredBefore, Consumer<RevocationRecord> sink) {
        BigInteger base = BigInteger.ONE.shiftLeft(100);
        for (int i = 0; i < n; i++) {
            sink.accept(new RevocationRecord(new SerialNumber(base.add(BigInteger.valueOf(i))),
                    RevocationReason.values()[i % 6], at.minusSeconds(i), Optional.empty(), "agent", Optional.empty(),
                    at.plusSeconds(86400)));
        }
    }

    @Override
    public void revoke(RevocationRecord revocation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RevocationRecord> release(SerialNumber serial, Instant releasedAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RevocationRecord> find(SerialNumber serial) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SerialState state(SerialNumber serial) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forEachChangeSince(Instant since, Instant expiredBefore, Consumer<RevocationRecord> sink) {
        throw new UnsupportedOperationException();
    }
}
