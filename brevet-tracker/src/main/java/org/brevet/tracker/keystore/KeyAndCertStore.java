package org.brevet.tracker.keystore;

import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.Certificate;
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

    /** The certificate now at the location, if there is one (a PKCS#12 file needs its PIN to be read). */
    Optional<Certificate> readCertificate(Optional<Secret> pin);

    /** Generates and stores a key; as the next key when a current key exists. Returns true when it is the next key. */
    boolean generateKey(KeySpec spec, Optional<Secret> pin);

    /** The key a new CSR is signed with: the next key if one is pending, else the current key. */
    KeyPair loadKey(Optional<Secret> pin, boolean next);

    /** Writes the certificate (and the pending next key), leaving the old ones in place on failure. */
    void save(Certificate certificate, List<Certificate> chain, Optional<Secret> pin, boolean swapNextKey);
}
