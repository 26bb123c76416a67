package org.brevet.tracker.state;

import java.util.List;
import java.util.Objects;
import org.brevet.tracker.api.Storage;

/**
 * What the user asked for: where key and certificate live, which CA, the CSR template, hooks, owners and
 * modes. Changed only by getcert commands, never by the state machine. The key's PIN is not here: only
 * the path of a pin file ({@code -p}); a {@code -P} PIN is kept in the daemon's memory (see PinVault).
 */
public record RequestSettings(
        String caName,
        Storage keyStorage,
        Storage certStorage,
        String pinFile,
        String keyType,
        int keySize,
        CsrTemplate template,
        boolean track,
        boolean autoRenew,
        String preSaveCommand,
        String postSaveCommand,
        List<String> caFiles,
        String keyOwner,
        Integer keyPerms,
        String certOwner,
        Integer certPerms) {

    public RequestSettings {
        Objects.requireNonNull(keyStorage, "keyStorage");
        Objects.requireNonNull(certStorage, "certStorage");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(template, "template");
        caFiles = List.copyOf(caFiles);
    }

    public boolean hasKeyLocation() {
        return keyStorage.location() != null;
    }
}
