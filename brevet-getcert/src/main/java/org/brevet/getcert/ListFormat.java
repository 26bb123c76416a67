package org.brevet.getcert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.brevet.tracker.api.CaInfo;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.StorageType;

/**
 * certmonger 0.79.17's {@code getcert list} and {@code list-cas} text, byte for byte (reference §3.1, §3.2):
 * TAB-indented fields in certmonger's order, bracketed fields only when set, {@code issuer: } with a trailing
 * space when empty. Two display bugs are fixed: IP addresses are shown, and the header counts the entries
 * shown. Fields certmonger does not have ({@code post-save error}) come last, before {@code track}.
 */
final class ListFormat {
    private final ZoneId zone;
    private final DateTimeFormatter time;

    ListFormat(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");
    }

    String requests(List<RequestInfo> shown) {
        StringBuilder out = new StringBuilder();
        out.append("Number of certificates and requests being tracked: ").append(shown.size()).append(".\n");
        for (RequestInfo r : shown) {
            request(out, r);
        }
        return out.toString();
    }

    private void request(StringBuilder out, RequestInfo r) {
        out.append("Request ID '").append(r.id()).append("':\n");
        line(out, "status", r.state().name());
        optional(out, "ca-error", r.caError());
        line(out, "stuck", r.stuck() ? "yes" : "no");
        line(out, "key pair storage", keyStorage(r));
        line(out, "certificate", storage(r.certStorage()));
        optional(out, "CA", r.ca());
        line(out, "issuer", nullToEmpty(r.issuer()));
        line(out, "subject", nullToEmpty(r.subject()));
        line(out, "issued", when(r.notBefore()));
        line(out, "expires", when(r.notAfter()));
        optionalList(out, "email", r.email());
        optionalList(out, "dns", r.dns());
        optionalList(out, "principal name", r.principal());
        optionalList(out, "IP address", r.ipAddress());
        optionalList(out, "key usage", r.keyUsage());
        optionalList(out, "eku", r.extendedKeyUsage());
        optional(out, "profile", r.profile());
        optional(out, "issuer template", r.issuerTemplate());
        line(out, "pre-save command", nullToEmpty(r.preSaveCommand()));
        line(out, "post-save command", nullToEmpty(r.postSaveCommand()));
        optional(out, "save command error", r.hookError());
        line(out, "track", r.track() ? "yes" : "no");
        line(out, "auto-renew", r.autoRenew() ? "yes" : "no");
    }

    String cas(List<CaInfo> cas, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (CaInfo ca : cas) {
            out.append("CA '").append(ca.nickname()).append("':\n");
            if (verbose) {
                optional(out, "self-identifies as", ca.aka());
            }
            line(out, "is-default", ca.isDefault() ? "yes" : "no");
            line(out, "ca-type", ca.type());
            optional(out, "helper-location", ca.helperLocation());
            optional(out, "next-serial-number", ca.nextSerial());
            if (!ca.issuerNames().isEmpty()) {
                out.append("\tknown-issuer-names:\n");
                ca.issuerNames().forEach(n -> out.append("\t\t").append(n).append('\n'));
            }
            if (verbose) {
                optional(out, "default profile/template/certtype", ca.defaultProfile());
                optionalList(out, "known profiles/templates/certtypes", ca.profiles());
            }
            optionalList(out, "root certificates saved to files", ca.rootCertFiles());
            if (verbose) {
                optional(out, "ca-error", ca.caError());
                optional(out, "config-path", ca.configPath());
            }
        }
        return out.toString();
    }

    private static String keyStorage(RequestInfo r) {
        StringBuilder s = new StringBuilder(storage(r.keyStorage()));
        if (r.pinSet()) {
            s.append(",pin set");
        } else if (r.pinFile() != null) {
            s.append(",pinfile='").append(r.pinFile()).append('\'');
        }
        return s.toString();
    }

    private static String storage(Storage st) {
        if (st == null || st.type() == StorageType.NONE) {
            return "type=NONE";
        }
        StringBuilder s = new StringBuilder("type=").append(st.type().name());
        s.append(",location='").append(st.location()).append('\'');
        if (st.nickname() != null) {
            s.append(",nickname='").append(st.nickname()).append('\'');
        }
        if (st.token() != null) {
            s.append(",token='").append(st.token()).append('\'');
        }
        return s.toString();
    }

    private String when(Instant t) {
        return t == null ? "unknown" : time.format(t.atZone(zone));
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append('\t').append(name).append(": ").append(value).append('\n');
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            line(out, name, value.replace("\n", " "));
        }
    }

    private static void optionalList(StringBuilder out, String name, List<String> values) {
        if (!values.isEmpty()) {
            line(out, name, String.join(",", values));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
