package org.brevet.ca.scep;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.ScepPassword;
import org.brevet.ca.api.store.ScepRepository;

/** The SCEP repository for the rules' unit tests (the JDBC one is tested in brevet-store-jdbc and the ITs). */
final class InMemoryScepRepository implements ScepRepository {
    final Map<String, ScepPassword> passwords = new LinkedHashMap<>();
    final Map<String, RequestId> transactions = new LinkedHashMap<>();

    @Override
    public synchronized void insertPassword(ScepPassword password) {
        passwords.put(password.hash(), password);
    }

    @Override
    public synchronized Optional<ScepPassword> findPassword(String hash) {
        return Optional.ofNullable(passwords.get(hash));
    }

    @Override
    public synchronized boolean consumePassword(String hash, Instant now) {
        ScepPassword p = passwords.get(hash);
        if (p == null || !p.isUsableAt(now)) {
            return false;
        }
        passwords.put(hash, new ScepPassword(p.hash(), p.subject(), p.createdAt(), p.expiresAt(), p.createdBy(),
                Optional.of(now)));
        return true;
    }

    @Override
    public synchronized void saveTransaction(String transactionId, RequestId request, Instant now) {
        transactions.put(transactionId, request);
    }

    @Override
    public synchronized Optional<RequestId> findTransaction(String transactionId) {
        return Optional.ofNullable(transactions.get(transactionId));
    }
}
