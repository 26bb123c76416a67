package org.brevet.tracker.hook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.tracker.exec.BaseEnvironment;
import org.brevet.tracker.exec.ChildProcess;
import org.brevet.tracker.exec.CommandSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pre-save ({@code -B}) or post-save ({@code -C}) command: argv split without a shell (as
 * certmonger), the scrubbed environment plus variables describing the event (certmonger passes none,
 * reference §9 E18), a timeout, output logged. A non-zero exit, a timeout or a command that cannot start is
 * a failure that the caller keeps and {@code getcert list} shows; the certificate is saved regardless.
 */
public final class SaveHook {
    private static final Logger LOG = LoggerFactory.getLogger(SaveHook.class);

    private final Map<String, String> baseEnv;
    private final Duration timeout;

    /** The event handed to the command. Nullable fields are not set in the environment. */
    public record Event(String kind, String requestId, String ca, String certFile, String keyFile,
            String oldSerial, String newSerial) {
    }

    public SaveHook(Map<String, String> daemonEnv, Path stateDir, Duration timeout) {
        this.baseEnv = BaseEnvironment.of(daemonEnv, stateDir.toString(), stateDir.toString());
        this.timeout = timeout;
    }

    /** Runs the command; empty when it succeeded, else why it failed. */
    public Optional<String> run(String command, Event event) {
        Map<String, String> env = new HashMap<>(baseEnv);
        put(env, "BREVET_EVENT", event.kind());
        put(env, "BREVET_REQUEST_ID", event.requestId());
        put(env, "BREVET_CA", event.ca());
        put(env, "BREVET_CERT_FILE", event.certFile());
        put(env, "BREVET_KEY_FILE", event.keyFile());
        put(env, "BREVET_OLD_SERIAL", event.oldSerial());
        put(env, "BREVET_NEW_SERIAL", event.newSerial());
        ChildProcess.Result r;
        try {
            r = ChildProcess.run(CommandSplitter.split(command), env, null, timeout);
        } catch (BrevetException e) {
            return Optional.of(event.kind() + " command: " + e.detail());
        }
        if (!r.stdout().isBlank() || !r.stderr().isBlank()) {
            LOG.info("request {} {} command output: {}{}", event.requestId(), event.kind(), r.stdout().strip(),
                    r.stderr().isBlank() ? "" : " / stderr: " + r.stderr().strip());
        }
        if (!r.started()) {
            return Optional.of(event.kind() + " command could not be started: " + r.startFailure());
        }
        if (r.timedOut()) {
            return Optional.of(event.kind() + " command timed out after " + timeout.toSeconds() + " s");
        }
        if (r.exitCode() != 0) {
            LOG.warn("request {} {} command '{}' exited, status {}.", event.requestId(), event.kind(), command, r.exitCode());
            return Optional.of(event.kind() + " command exited with status " + r.exitCode());
        }
        LOG.debug("request {} {} command '{}' exited, status 0.", event.requestId(), event.kind(), command);
        return Optional.empty();
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
