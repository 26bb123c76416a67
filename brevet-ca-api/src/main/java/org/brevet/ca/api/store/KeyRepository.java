package org.brevet.ca.api.store;

import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.RequestId;
import org.brevet.pki.Der;

/**
 * Archived keys (the KRA's key records) and the KRA's certificates. The wrapped private key is stored with its
 * record in one write and read apart from it, by the KRA only.
 */
public interface KeyRepository {
    /** Stores the record and its wrapped key in one transaction; CONFLICT if the id or request already has a key. */
    void insert(ArchivedKey key, Der wrappedPrivateKey);

    Optional<ArchivedKey> find(ArchivedKeyId id);

    Optional<ArchivedKey> findByRequest(RequestId requestId);

    /** Newest first; {@code owner} is a case-insensitive substring of the owner DN. */
    List<ArchivedKey> search(Optional<String> owner, int maxResults);

    /** The wrapped private key (the storage envelope). */
    Optional<Der> wrappedPrivateKey(ArchivedKeyId id);

    /** Stores (or replaces) a KRA certificate under its nickname ({@code transportCert}, {@code storageCert}). */
    void putCertificate(String nickname, Der certificate);

    Optional<Der> certificate(String nickname);
}
