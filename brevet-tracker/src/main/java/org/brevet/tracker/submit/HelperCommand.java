package org.brevet.tracker.submit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brevet.tracker.exec.BaseEnvironment;
import org.brevet.tracker.exec.ChildProcess;
import org.brevet.tracker.exec.CommandSplitter;

/**
 * A CA helper's command line, run for one operation with {@code CERTMONGER_OPERATION} and the other
 * CERTMONGER_* variables (reference §4.1). Helpers are found in Debian's {@code /usr/lib/certmonger} and
 * Red Hat's {@code /usr/libexec/certmonger} alike: a path under one that does not exist is tried under the
 * other, so CA files move between distributions.
 */
public final class HelperCommand {
    private static final String DEBIAN = "/usr/lib/certmonger/";
    private static final String REDHAT = "/usr/libexec/certmonger/";

    private final String commandLine;
    private final Map<String, String> baseEnv;
    private final Path workDir;
    private final Duration timeout;

    public HelperCommand(String commandLine, Map<String, String> daemonEnv, Path stateDir, Duration timeout) {
        this.commandLine = commandLine;
        this.baseEnv = BaseEnvironment.of(daemonEnv, stateDir.toString(), stateDir.toString());
        this.workDir = stateDir;
        this.timeout = timeout;
    }

    public String commandLine() {
        return commandLine;
    }

    public ChildProcess.Result run(String operation, String caNickname, Map<String, String> vars) {
        List<String> argv = new ArrayList<>(CommandSplitter.split(commandLine));
        argv.set(0, locate(argv.get(0)));
        Map<String, String> env = new HashMap<>(baseEnv);
        env.put("CERTMONGER_OPERATION", operation);
        env.put("CERTMONGER_CA_NICKNAME", caNickname);
        vars.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                env.put(k, v);
            }
        });
        return InProcessHelpers.run(argv, env).orElseGet(() -> ChildProcess.run(argv, env, workDir, timeout));
    }

    static String locate(String program) {
        if (Files.exists(Path.of(program))) {
            return program;
        }
        if (program.startsWith(REDHAT)) {
            String alt = DEBIAN + program.substring(REDHAT.length());
            return Files.exists(Path.of(alt)) ? alt : program;
        }
        if (program.startsWith(DEBIAN)) {
            String alt = REDHAT + program.substring(DEBIAN.length());
            return Files.exists(Path.of(alt)) ? alt : program;
        }
        return program;
    }
}
