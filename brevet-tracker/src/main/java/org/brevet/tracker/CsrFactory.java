package org.brevet.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.keystore.CsrContent;
import org.brevet.tracker.state.CsrTemplate;

/**
 * Turns a request's template into the content of its CSR (reference §1.1): with none of -N -U -K -E -D -A
 * given, the default is certmonger's SSL server certificate for the host ({@code CN=<hostname>}, DNS SAN
 * hostname, EKU serverAuth). The key store signs it (software key, or certutil for an NSS database).
 */
final class CsrFactory {
    private final String hostname;

    CsrFactory(String hostname) {
        this.hostname = hostname;
    }

    CsrContent content(CsrTemplate t) {
        boolean defaults = t.subject() == null && t.extendedKeyUsage().isEmpty() && t.principal().isEmpty()
                && t.email().isEmpty() && t.dns().isEmpty() && t.ipAddress().isEmpty();
        List<SubjectAltName> sans = new ArrayList<>();
        t.dns().forEach(d -> sans.add(SubjectAltName.dns(d)));
        t.email().forEach(e -> sans.add(SubjectAltName.email(e)));
        t.ipAddress().forEach(ip -> sans.add(SubjectAltName.ip(ip)));
        t.principal().forEach(p -> sans.add(SubjectAltName.of(SubjectAltName.Kind.KERBEROS_PRINCIPAL, p)));
        List<String> eku = t.extendedKeyUsage().stream().map(ExtendedKeyUsage::oidOf).toList();
        if (defaults) {
            sans.add(SubjectAltName.dns(hostname));
            eku = List.of(ExtendedKeyUsage.SERVER_AUTH);
        }
        String subject = t.subject() != null ? t.subject() : "CN=" + hostname;
        Set<KeyUsage> ku = t.keyUsage().stream().map(KeyUsage::parse).collect(Collectors.toSet());
        return new CsrContent(DistinguishedName.parse(subject), sans, ku, eku);
    }
}
