package org.brevet.tracker.submit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.tracker.exec.ChildProcess;

/**
 * Runs an external CA's data operations (reference §4.2): IDENTIFY, FETCH-ROOTS, GET-SUPPORTED-TEMPLATES,
 * GET-DEFAULT-TEMPLATE, GET-NEW-REQUEST-REQUIREMENTS and GET-RENEW-REQUEST-REQUIREMENTS. Exit 0 gives the
 * data; 6 means "not supported" (the field stays empty); 3 and 4 keep the previous value and note the
 * problem in the CA's error.
 */
public final class CaDataRefresh {
    private CaDataRefresh() {
    }

    public static CaEntry refresh(CaEntry ca, HelperCommand helper) {
        StringBuilder errors = new StringBuilder();
        String aka = run(helper, ca, "IDENTIFY", errors, ca.aka() == null ? "" : ca.aka()).strip();
        String rootsText = run(helper, ca, "FETCH-ROOTS", errors, String.join("", ca.rootCertsPem()));
        List<String> roots;
        try {
            roots = Certificate.parseAll(rootsText).stream().map(Certificate::toPem).toList();
        } catch (BrevetException e) {
            errors.append("FETCH-ROOTS: ").append(e.detail()).append("; ");
            roots = ca.rootCertsPem();
        }
        List<String> profiles = list(run(helper, ca, "GET-SUPPORTED-TEMPLATES", errors, String.join(",", ca.profiles())));
        String dflt = run(helper, ca, "GET-DEFAULT-TEMPLATE", errors, ca.defaultProfile() == null ? "" : ca.defaultProfile()).strip();
        List<String> enroll = list(run(helper, ca, "GET-NEW-REQUEST-REQUIREMENTS", errors,
                String.join(",", ca.requiredEnrollAttributes())));
        List<String> renew = list(run(helper, ca, "GET-RENEW-REQUEST-REQUIREMENTS", errors,
                String.join(",", ca.requiredRenewAttributes())));
        String error = errors.length() == 0 ? null : errors.substring(0, errors.length() - 2);
        return ca.withData(aka.isEmpty() ? null : aka, roots, profiles, dflt.isEmpty() ? null : dflt, enroll, renew, error);
    }

    /** FETCH-ROOTS alone, for a CA whose roots are needed now (a {@code -F} file) but not yet known. */
    public static List<String> fetchRoots(CaEntry ca, HelperCommand helper) {
        ChildProcess.Result r = helper.run("FETCH-ROOTS", ca.nickname(), Map.of());
        if (!r.started() || r.exitCode() != 0) {
            return List.of();
        }
        try {
            return Certificate.parseAll(r.stdout()).stream().map(Certificate::toPem).toList();
        } catch (BrevetException e) {
            return List.of();
        }
    }

    private static String run(HelperCommand helper, CaEntry ca, String op, StringBuilder errors, String previous) {
        ChildProcess.Result r = helper.run(op, ca.nickname(), Map.of());
        if (!r.started()) {
            errors.append(op).append(": ").append(r.startFailure()).append("; ");
            return previous;
        }
        return switch (r.exitCode()) {
            case 0 -> r.stdout();
            case 6 -> "";
            default -> {
                errors.append(op).append(": ").append(r.timedOut() ? "timed out" : "exit status " + r.exitCode());
                if (!r.stdout().isBlank()) {
                    errors.append(" (").append(r.stdout().strip()).append(')');
                }
                errors.append("; ");
                yield previous;
            }
        };
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
