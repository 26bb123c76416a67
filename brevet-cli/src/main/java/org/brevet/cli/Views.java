package org.brevet.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text views of the API's records: key/value lines for one, table rows for many. */
final class Views {
    static final List<String> REQUEST_HEADERS = List.of("ID", "STATUS", "PROFILE", "CREATED", "SUBJECT");
    static final List<String> CERTIFICATE_HEADERS = List.of("SERIAL", "STATUS", "NOT AFTER", "PROFILE", "SUBJECT");

    private Views() {
    }

    static Map<String, String> request(CertRequestInfo r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Request ID", r.requestId());
        f.put("Status", r.status());
        f.put("Profile", r.profileId());
        f.put("Subject", r.subject());
        f.put("Submitter", r.submitter());
        f.put("Created", r.createdAt());
        f.put("Updated", r.updatedAt());
        f.put("Serial", r.serial());
        f.put("Reason", r.reason());
        return f;
    }

    static List<String> requestRow(CertRequestInfo r) {
        return Arrays.asList(r.requestId(), r.status(), r.profileId(), r.createdAt(), r.subject());
    }

    static Map<String, String> certificate(CertificateInfo c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Serial", c.serial());
        f.put("Subject", c.subject());
        f.put("Issuer", c.issuer());
        f.put("Status", c.status());
        f.put("Not before", c.notBefore());
        f.put("Not after", c.notAfter());
        f.put("Issued", c.issuedAt());
        f.put("Revoked", c.revokedAt());
        f.put("Profile", c.profileId());
        f.put("Request ID", c.requestId());
        return f;
    }

    static List<String> certificateRow(CertificateInfo c) {
        return Arrays.asList(c.serial(), c.status(), c.notAfter(), c.profileId(), c.subject());
    }

    static Map<String, String> user(UserInfo u) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("User ID", u.userId());
        f.put("Full name", u.fullName());
        f.put("Roles", String.join(", ", u.roles()));
        for (int i = 0; i < u.certificates().size(); i++) {
            UserInfo.UserCertificate c = u.certificates().get(i);
            f.put("Certificate " + (i + 1), c.serial() + " " + c.subject());
        }
        return f;
    }

    /** "(more: --start 40)" when the server has more than this page. */
    static String more(int start, int size, boolean hasMore) {
        return hasMore ? "(more results: use --start " + (start + size) + ")" : null;
    }
}
