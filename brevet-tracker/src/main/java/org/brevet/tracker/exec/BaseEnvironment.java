package org.brevet.tracker.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * The scrubbed environment helpers and hooks start from (reference §4.1): fixed PATH, SHELL, TERM, LANG,
 * HOME and TMPDIR, plus pass-through of proxy settings and the CERTMONGER_* directory variables.
 */
public final class BaseEnvironment {
    private BaseEnvironment() {
    }

    public static Map<String, String> of(Map<String, String> daemonEnv, String home, String tmpDir) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("SHELL", "/bin/sh");
        env.put("TERM", "dumb");
        env.put("LANG", "C.UTF-8");
        env.put("LC_CTYPE", "C.UTF-8");
        env.put("HOME", home);
        env.put("TMPDIR", tmpDir);
        daemonEnv.forEach((k, v) -> {
            if (k.endsWith("_proxy") || k.endsWith("_PROXY") || k.equals("DBUS_SESSION_BUS_ADDRESS")
                    || k.equals("CERTMONGER_CONFIG_DIR") || k.equals("CERTMONGER_LOCAL_CA_DIR")) {
                env.put(k, v);
            }
        });
        return env;
    }
}
