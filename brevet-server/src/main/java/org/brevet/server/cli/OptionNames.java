package org.brevet.server.cli;

import java.util.Map;

/** Names a configuration error after the command-line option that set the key. */
final class OptionNames {
    private static final Map<String, String> BY_KEY = Map.of(
            "server.bind", "--bind",
            "server.hostnames", "--hostname",
            "server.https.port", "--https-port",
            "server.http.port", "--http-port",
            "db.url", "--db-url",
            "db.user", "--db-user",
            "db.password.file", "--db-password-file");

    private OptionNames() {
    }

    /** {@code "options: db.url: must ..."} becomes {@code "--db-url: must ..."}. */
    static String of(String detail) {
        String d = detail.startsWith("options: ") ? detail.substring("options: ".length()) : detail;
        for (Map.Entry<String, String> e : BY_KEY.entrySet()) {
            if (d.startsWith(e.getKey() + ":")) {
                return e.getValue() + d.substring(e.getKey().length());
            }
        }
        return d;
    }
}
