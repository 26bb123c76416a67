package org.brevet.tracker.keystore;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Secret;

/**
 * Where one request's key and certificate live. A key generated for renewal (rekey) is kept as the
 * "next" key beside the current one; {@link #save} swaps it in only once the new certificate is written,
 * so the old certificate and key stay usable until then.
 *
 * <p>Failures are {@code BrevetException}s: {@code UNAUTHORIZED} for a missing or wrong PIN, {@code
 * UNAVAILABLE} for files that cannot be written (permissions, missing directory), {@code MALFORMED} for
 * content that is not a key or certificate.
 */
public interface KeyAndCertStore {

    boolean hasKey();

    /** As {@link #hasKey()}, for stores that need the PIN to list their keys (NSS). */
    default boolean hasKey(Optional<Secret> pin) {
        return hasKey();
    }

    /** The certificate now at the location, if there is one (a PKCS#12 file needs its PIN to be read). */
    Optional<Certificate> readCertificate(Optional<Secret> pin);

    /** Generates and stores a key; as the next key when a current key exists. Returns true when it is the next key. */
    boolean generateKey(KeySpec spec, Optional<Secret> pin);

    /** The key a new CSR is signed with: the next key if one is pending, else the current key. */
    KeyPair loadKey(Optional<Secret> pin, boolean next);

    /** A generated key; {@code request} is set by stores that sign their own CSRs: it identifies the new key. */
    record NewKey(boolean asNext, Optional<Csr> request) {
    }

    /**
     * Generates a key as {@link #generateKey(KeySpec, Optional)} does. A store whose keys never leave it (an
     * NSS database) also returns the CSR it made with the new key; the tracker keeps it and hands it back as
     * {@code lastRequest}, which is how such a store finds the key again.
     */
    default NewKey generateKey(KeySpec spec, Optional<Secret> pin, CsrContent content) {
        return new NewKey(generateKey(spec, pin), Optional.empty());
    }

    /** A CSR with {@code content}, signed by the next key (when {@code next}) or the current key. */
    default Csr request(CsrContent content, Optional<Secret> pin, boolean next, Optional<Csr> lastRequest) {
        return content.sign(loadKey(pin, next));
    }

    /** The public half of the next or current key. */
    default PublicKey publicKey(Optional<Secret> pin, boolean next, Optional<Csr> lastRequest) {
        return loadKey(pin, next).getPublic();
    }

    /**
     * A certificate for {@code csr} signed by its own key, for stores whose keys cannot be handed out (the
     * SelfSign CA); empty when the store has no such way (the tracker then signs with {@link #loadKey}).
     */
    default Optional<Certificate> selfSign(Csr csr, Duration validity, Optional<Secret> pin) {
        return Optional.empty();
    }

    /** Writes the certificate (and the pending next key), leaving the old ones in place on failure. */
    void save(Certificate certificate, List<Certificate> chain, Optional<Secret> pin, boolean swapNextKey);
}
