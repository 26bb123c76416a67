package org.brevet.tracker.keystore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * Where PINs come from. A pin file ({@code -p}) is read each time it is needed (trailing newline stripped),
 * so only its path is stored. A PIN given on the command line ({@code -P}) is kept here, in the daemon's
 * memory only, never on disk (certmonger stores it in clear, reference §9 E11): after a daemon restart such
 * a request needs {@code getcert resubmit -P} again (it waits in a NEED_*_PIN state), which is why
 * {@code -p} is the recommended form.
 */
public final class PinVault {
    private final Map<String, Secret> memory = new ConcurrentHashMap<>();

    public void remember(String requestId, Secret pin) {
        memory.put(requestId, pin);
    }

    public void forget(String requestId) {
        memory.remove(requestId);
    }

    public void rename(String oldId, String newId) {
        Secret s = memory.remove(oldId);
        if (s != null) {
            memory.put(newId, s);
        }
    }

    public boolean hasInMemory(String requestId) {
        return memory.containsKey(requestId);
    }

    /** The PIN for the request: from its pin file if it has one, else from memory; empty if neither. */
    public Optional<Secret> pinFor(String requestId, String pinFile) {
        if (pinFile != null) {
            return Optional.of(readPinFile(Path.of(pinFile)));
        }
        return Optional.ofNullable(memory.get(requestId));
    }

    static Secret readPinFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return Secret.of(end < 0 ? text : text.substring(0, end).replace("\r", ""));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "cannot read the PIN file " + file + ": " + e.getMessage(), e);
        }
    }
}
