package org.brevet.tracker.notify;

import java.util.HashMap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brevet.tracker.exec.BaseEnvironment;
import org.brevet.tracker.exec.ChildProcess;
import org.brevet.tracker.exec.CommandSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification by {@code notification_method} (reference §5): {@code syslog} (through logger(1),
 * ident {@code brevet-tracker}, priority from {@code notification_destination}, default daemon.notice),
 * {@code mail} (mail(1) to the destination address), {@code command} (run with the message in
 * {@code CERTMONGER_NOTIFICATION}), {@code stdout}, or {@code none}. Every notification is also written to
 * the daemon log.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The configured way to send notifications. */
    public enum Method {
        SYSLOG,
        MAIL,
        COMMAND,
        STDOUT,
        NONE;

        public static Method parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "syslog" -> SYSLOG;
                case "mail", "email", "mailto" -> MAIL;
                case "command" -> COMMAND;
                case "stdout" -> STDOUT;
                case "none" -> NONE;
                default -> throw new IllegalArgumentException("unknown notification_method '" + text
                        + "' (syslog, mail, command, stdout, none)");
            };
        }
    }

    private final Method method;
    private final String destination;
    private final Map<String, String> baseEnv;
    private final PrintStream stdout;

    public Notifier(Method method, String destination, Map<String, String> daemonEnv, Path stateDir, PrintStream stdout) {
        this.method = method;
        this.destination = destination;
        this.baseEnv = BaseEnvironment.of(daemonEnv, stateDir.toString(), stateDir.toString());
        this.stdout = stdout;
    }

    public void send(String message) {
        LOG.info("notification: {}", message);
        switch (method) {
            case SYSLOG -> run(List.of("logger", "-t", "brevet-tracker", "-p",
                    destination == null ? "daemon.notice" : destination, "--", message), Map.of());
            case MAIL -> run(List.of("mail", "-s", message, destination == null ? "root" : destination), Map.of());
            case COMMAND -> {
                if (destination != null) {
                    run(CommandSplitter.split(destination), Map.of("CERTMONGER_NOTIFICATION", message));
                }
            }
            case STDOUT -> {
                stdout.println(message);
                stdout.flush();
            }
            case NONE -> {
            }
        }
    }

    private void run(List<String> argv, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(baseEnv);
        env.putAll(extra);
        ChildProcess.Result r = ChildProcess.run(argv, env, null, TIMEOUT);
        if (!r.started() || r.exitCode() != 0) {
            LOG.warn("notification via {} failed: {}", method, r.started() ? "exit status " + r.exitCode() : r.startFailure());
        }
    }
}
