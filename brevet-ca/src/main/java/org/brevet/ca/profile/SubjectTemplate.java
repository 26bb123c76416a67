package org.brevet.ca.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * A subject DN template such as {@code CN=$request.cn$, OU=pki-ipa, O=IPA} (Dogtag's
 * {@code subjectNameDefaultImpl} with {@code $request.req_subject_name.cn$}). Variables:
 * {@code $request.cn$} (alias {@code $request.req_subject_name.cn$}) is the CSR subject's common name,
 * escaped per RFC 4514; {@code $request.subject$} is the whole CSR subject in RFC 4514 form.
 */
final class SubjectTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_.]+)\\$");

    private SubjectTemplate() {
    }

    /** Fails (MALFORMED, naming the path) on an unknown variable. */
    static void checkVariables(String template, String path) {
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (!isKnown(m.group(1))) {
                throw new BrevetException(ErrorKind.MALFORMED, path + ": unknown variable '$" + m.group(1)
                        + "$' ($request.cn$, $request.subject$)");
            }
        }
        if (template.isBlank()) {
            throw new BrevetException(ErrorKind.MALFORMED, path + ": must not be empty");
        }
    }

    private static boolean isKnown(String name) {
        return name.equals("request.cn") || name.equals("request.req_subject_name.cn") || name.equals("request.subject");
    }

    /**
     * Fills the template. REJECTED_BY_POLICY when it needs a common name and the CSR subject has none.
     *
     * @param subject the CSR subject, RFC 4514
     * @param cn      the CSR subject's CN, unescaped, or null
     */
    static String render(String template, String subject, String cn) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1).equals("request.subject")) {
                value = subject;
            } else {
                if (cn == null) {
                    throw new BrevetException(ErrorKind.REJECTED_BY_POLICY,
                            "the profile builds the subject from the request's CN, and the request has none");
                }
                value = escape(cn);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** RFC 4514 §2.4 escaping of an attribute value. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = ",+\"\\<>;=".indexOf(c) >= 0
                    || (i == 0 && (c == ' ' || c == '#'))
                    || (i == value.length() - 1 && c == ' ');
            if (special) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
