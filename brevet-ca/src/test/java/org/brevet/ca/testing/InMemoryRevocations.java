package org.brevet.ca.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CrlInfo;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.CrlRepository;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.RevocationReason;
import org.brevet.pki.SerialNumber;

/**
 * Test double of {@link RevocationRepository} and {@link CrlRepository} over an {@link InMemoryStore}'s
 * certificates, following the documented contracts. Test code only: the product uses brevet-store-jdbc.
 */
public final class InMemoryRevocations implements RevocationRepository, CrlRepository {
    private final InMemoryStore store;
    public final TreeMap<SerialNumber, RevocationRecord> revoked = new TreeMap<>();
    public final List<RevocationRecord> releases = new ArrayList<>();
    private final Map<String, BigInteger> numbers = new HashMap<>();
    private final Map<String, Stored> crls = new HashMap<>();

    private record Stored(CrlInfo info, byte[] der) {
    }

    public InMemoryRevocations(InMemoryStore store) {
        this.store = store;
    }

    private CertificateRecord certificate(SerialNumber serial) {
        synchronized (store) {
            return store.certificates.get(serial);
        }
    }

    @Override
    public synchronized void revoke(RevocationRecord revocation) {
        if (certificate(revocation.serial()) == null) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "no certificate " + revocation.serial());
        }
        if (revoked.containsKey(revocation.serial())) {
            throw new BrevetException(ErrorKind.ALREADY_REVOKED, "already revoked");
        }
        revoked.put(revocation.serial(), revocation);
    }

    @Override
    public synchronized Optional<RevocationRecord> release(SerialNumber serial, Instant releasedAt) {
        RevocationRecord r = revoked.get(serial);
        if (r == null || !r.onHold()) {
            return Optional.empty();
        }
        revoked.remove(serial);
        releases.add(new RevocationRecord(serial, RevocationReason.REMOVE_FROM_CRL, releasedAt, Optional.empty(),
                r.revokedBy(), Optional.empty(), r.certificateNotAfter()));
        return Optional.of(r);
    }

    @Override
    public synchronized Optional<RevocationRecord> find(SerialNumber serial) {
        return Optional.ofNullable(revoked.get(serial));
    }

    @Override
    public synchronized SerialState state(SerialNumber serial) {
        if (certificate(serial) == null) {
            return SerialState.UNKNOWN;
        }
        return new SerialState(true, find(serial));
    }

    @Override
    public void forEachRevoked(Instant expiredBefore, Consumer<RevocationRecord> sink) {
        List<RevocationRecord> copy;
        synchronized (this) {
            copy = new ArrayList<>(revoked.values());
        }
        copy.stream().filter(r -> !r.certificateNotAfter().isBefore(expiredBefore)).forEach(sink);
    }

    @Override
    public void forEachChangeSince(Instant since, Instant expiredBefore, Consumer<RevocationRecord> sink) {
        TreeMap<SerialNumber, RevocationRecord> changes = new TreeMap<>();
        synchronized (this) {
            releases.stream().filter(r -> !r.revokedAt().isBefore(since)).forEach(r -> changes.put(r.serial(), r));
            revoked.values().stream().filter(r -> !r.revokedAt().isBefore(since)).forEach(r -> changes.put(r.serial(), r));
        }
        changes.values().stream().filter(r -> !r.certificateNotAfter().isBefore(expiredBefore)).forEach(sink);
    }

    @Override
    public synchronized BigInteger nextCrlNumber(String issuingPoint, BigInteger startingNumber) {
        BigInteger next = numbers.getOrDefault(issuingPoint, startingNumber);
        numbers.put(issuingPoint, next.add(BigInteger.ONE));
        return next;
    }

    @Override
    public synchronized boolean store(CrlInfo info, InputStream der) {
        String key = info.issuingPoint() + "/" + info.kind();
        Stored old = crls.get(key);
        if (old != null && old.info().number().compareTo(info.number()) > 0) {
            return false;
        }
        try {
            crls.put(key, new Stored(info, der.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public synchronized Optional<CrlInfo> latest(String issuingPoint, CrlInfo.Kind kind) {
        return Optional.ofNullable(crls.get(issuingPoint + "/" + kind)).map(Stored::info);
    }

    @Override
    public synchronized Optional<CrlInfo> copyLatest(String issuingPoint, CrlInfo.Kind kind, OutputStream out) {
        Stored s = crls.get(issuingPoint + "/" + kind);
        if (s == null) {
            return Optional.empty();
        }
        try {
            out.write(s.der());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(s.info());
    }

    public synchronized byte[] latestDer(String issuingPoint, CrlInfo.Kind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copyLatest(issuingPoint, kind, out).orElseThrow();
        return out.toByteArray();
    }
}
