package org.brevet.tracker.submit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Chooses the {@link Submitter} for a CA entry: the built-in SelfSign and local CAs, or a helper. */
public final class Submitters {
    private final SelfSignSubmitter selfSign;
    private final LocalCaSubmitter local;
    private final Map<String, String> daemonEnv;
    private final Path stateDir;
    private final Duration helperTimeout;

    public Submitters(SelfSignSubmitter selfSign, LocalCaSubmitter local, Map<String, String> daemonEnv, Path stateDir,
            Duration helperTimeout) {
        this.selfSign = selfSign;
        this.local = local;
        this.daemonEnv = Map.copyOf(daemonEnv);
        this.stateDir = stateDir;
        this.helperTimeout = helperTimeout;
    }

    public Submitter forCa(CaEntry ca) {
        return switch (ca.kind()) {
            case SELF_SIGN -> selfSign;
            case LOCAL -> local;
            case EXTERNAL -> new HelperSubmitter(helper(ca));
        };
    }

    public HelperCommand helper(CaEntry ca) {
        return new HelperCommand(ca.helperCommand(), daemonEnv, stateDir, helperTimeout);
    }
}
