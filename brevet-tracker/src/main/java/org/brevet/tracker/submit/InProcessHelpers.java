package org.brevet.tracker.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.submit.InProcessHelper;
import org.brevet.tracker.exec.ChildProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helpers Brevet ships and the daemon runs in its own JVM: a CA whose helper command names this
 * installation's own {@code bin/brevet-submit} is served by {@link InProcessHelper}, with the same
 * arguments, variables, output and exit codes as the process, but without a JVM start, a credential
 * decryption and a TLS handshake per operation (about 1.1 s of CPU each on the CI machine), which is what
 * bounds a renewal storm. Any other helper command (certmonger's own, a copy elsewhere) runs as a process.
 */
final class InProcessHelpers {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessHelpers.class);
    private static final String BREVET_SUBMIT = "brevet-submit";
    private static final InProcessHelper SUBMIT = new InProcessHelper();

    private InProcessHelpers() {
    }

    /** The helper's result when {@code argv[0]} is this installation's brevet-submit, else empty. */
    static Optional<ChildProcess.Result> run(List<String> argv, Map<String, String> env) {
        if (!isOwnBrevetSubmit(argv.get(0))) {
            return Optional.empty();
        }
        LOG.debug("Running {} inside the daemon ({}).", argv.get(0), env.get("CERTMONGER_OPERATION"));
        InProcessHelper.Result r = SUBMIT.run(argv.subList(1, argv.size()), env);
        return Optional.of(new ChildProcess.Result(r.exitCode(), r.stdout(), "", false, null));
    }

    static boolean isOwnBrevetSubmit(String program) {
        String home = System.getProperty("brevet.home");
        Path path = Path.of(program);
        if (home == null || path.getFileName() == null || !path.getFileName().toString().equals(BREVET_SUBMIT)) {
            return false;
        }
        try {
            return Files.isSameFile(path, Path.of(home, "bin", BREVET_SUBMIT));
        } catch (IOException e) {
            return false;
        }
    }
}
