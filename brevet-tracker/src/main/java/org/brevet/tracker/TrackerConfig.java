package org.brevet.tracker;

import java.util.LinkedHashMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.notify.Notifier;
import org.brevet.tracker.state.Thresholds;

/**
 * {@code tracker.conf}: certmonger.conf's INI format and keys (reference §5), read once at start and
 * immutable. {@code [defaults]} enroll_ttls, notify_ttls, ttls, notification_method,
 * notification_destination, default_ca, key_type, rsa_key_size; {@code [selfsign]} and {@code [local]}
 * validity_period; and Brevet's {@code [tracker]} max_parallel_submissions, helper_timeout, hook_timeout.
 * certmonger keys that this tracker does not implement are accepted and ignored with a warning; any other
 * key is an error naming {@code section.key}.
 */
record TrackerConfig(
        Thresholds enrollTtls,
        Thresholds notifyTtls,
        Notifier.Method notificationMethod,
        String notificationDestination,
        String defaultCa,
        String keyType,
        int rsaKeySize,
        Duration selfSignValidity,
        Duration localValidity,
        int maxParallelSubmissions,
        Duration helperTimeout,
        Duration hookTimeout,
        List<String> warnings) {

    private static final Set<String> IGNORED = Set.of("defaults.symmetric_cipher", "defaults.digest",
            "defaults.nss_ca_trust", "defaults.nss_other_trust", "defaults.max_key_use_count",
            "defaults.max_key_lifetime", "selfsign.populate_unique_id", "scep.challenge_password_otp");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([yMwdhms]?)");

    static TrackerConfig defaults() {
        return parse("");
    }

    static TrackerConfig load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "Cannot open configuration file \"" + file + "\": " + e.getMessage() + ".", e);
        }
    }

    static TrackerConfig parse(String text) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String section = "";
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BrevetException(ErrorKind.MALFORMED, "tracker.conf line " + n + ": expected key = value");
            }
            String key = section + "." + line.substring(0, eq).strip();
            v.put(key, line.substring(eq + 1).strip());
        }
        for (String key : v.keySet()) {
            if (IGNORED.contains(key)) {
                warnings.add(key + ": not supported by this tracker, ignored");
            } else if (!KNOWN.contains(key)) {
                throw new BrevetException(ErrorKind.MALFORMED, key + ": unknown setting");
            }
        }
        String ttls = v.get("defaults.ttls");
        Thresholds enroll = ttls(key(v, "defaults.enroll_ttls", ttls), "defaults.enroll_ttls");
        Thresholds notify = ttls(key(v, "defaults.notify_ttls", ttls), "defaults.notify_ttls");
        Notifier.Method method;
        try {
            method = Notifier.Method.parse(v.getOrDefault("defaults.notification_method", "syslog"));
        } catch (IllegalArgumentException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "defaults.notification_method: " + e.getMessage());
        }
        String keyType = v.getOrDefault("defaults.key_type", "RSA").toUpperCase(Locale.ROOT).replace("ECDSA", "EC");
        if (!keyType.equals("RSA") && !keyType.equals("EC")) {
            throw new BrevetException(ErrorKind.MALFORMED, "defaults.key_type: must be RSA or EC");
        }
        int rsa = integer(v, "defaults.rsa_key_size", 2048);
        if (rsa < 2048) {
            throw new BrevetException(ErrorKind.MALFORMED, "defaults.rsa_key_size: must be at least 2048");
        }
        Duration selfsign = duration(v.getOrDefault("selfsign.validity_period", "1y"), "selfsign.validity_period");
        Duration local = duration(v.getOrDefault("local.validity_period",
                v.getOrDefault("selfsign.validity_period", "1y")), "local.validity_period");
        int parallel = integer(v, "tracker.max_parallel_submissions", 8);
        if (parallel < 1) {
            throw new BrevetException(ErrorKind.MALFORMED, "tracker.max_parallel_submissions: must be positive");
        }
        return new TrackerConfig(enroll, notify, method, v.get("defaults.notification_destination"),
                v.get("defaults.default_ca"), keyType, rsa, selfsign, local, parallel,
                duration(v.getOrDefault("tracker.helper_timeout", "5m"), "tracker.helper_timeout"),
                duration(v.getOrDefault("tracker.hook_timeout", "2m"), "tracker.hook_timeout"), warnings);
    }

    private static final Set<String> KNOWN = Set.of("defaults.enroll_ttls", "defaults.notify_ttls", "defaults.ttls",
            "defaults.notification_method", "defaults.notification_destination", "defaults.default_ca",
            "defaults.key_type", "defaults.rsa_key_size", "selfsign.validity_period", "local.validity_period",
            "tracker.max_parallel_submissions", "tracker.helper_timeout", "tracker.hook_timeout");

    private static String key(Map<String, String> v, String key, String fallback) {
        return v.getOrDefault(key, fallback);
    }

    private static Thresholds ttls(String text, String key) {
        if (text == null) {
            return Thresholds.certmongerDefault();
        }
        List<Duration> list = new ArrayList<>();
        for (String part : text.split("[\\s,]+")) {
            if (!part.isEmpty()) {
                list.add(duration(part, key));
            }
        }
        if (list.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, key + ": at least one value is needed");
        }
        return new Thresholds(list);
    }

    /** certmonger's durations: a number with optional units y M w d h m s, summed ("1y", "2w3d", "3600"). */
    static Duration duration(String text, String key) {
        Matcher m = DURATION.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "y" -> Duration.ofDays(365 * n);
                case "M" -> Duration.ofDays(30 * n);
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
            while (end < text.strip().length() && Character.isWhitespace(text.strip().charAt(end))) {
                end++;
            }
        }
        if (end != text.strip().length() || total.isZero()) {
            throw new BrevetException(ErrorKind.MALFORMED, key + ": '" + text + "' is not a duration (e.g. 1y, 2w, 3600)");
        }
        return total;
    }

    private static int integer(Map<String, String> v, String key, int dflt) {
        String s = v.get(key);
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new BrevetException(ErrorKind.MALFORMED, key + ": '" + s + "' is not a number");
        }
    }
}
