package org.brevet.tracker;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.state.CsrTemplate;

/**
 * Builds a request's CSR from its template (reference §1.1): with none of -N -U -K -E -D -A given, the
 * default is certmonger's SSL server certificate for the host ({@code CN=<hostname>}, DNS SAN hostname,
 * EKU serverAuth). The CSR asks for a subject key identifier, as certmonger's do.
 */
final class CsrFactory {
    private final String hostname;

    CsrFactory(String hostname) {
        this.hostname = hostname;
    }

    Csr build(CsrTemplate t, KeyPair key) {
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
        CsrBuilder b = new CsrBuilder().subject(DistinguishedName.parse(subject)).requestSubjectKeyIdentifier();
        if (!sans.isEmpty()) {
            b.subjectAltNames(sans);
        }
        Set<KeyUsage> ku = t.keyUsage().stream().map(KeyUsage::parse).collect(Collectors.toSet());
        if (!ku.isEmpty()) {
            b.keyUsage(ku);
        }
        if (!eku.isEmpty()) {
            b.extendedKeyUsage(eku);
        }
        return b.build(Signer.of(key.getPrivate(), key.getPublic()));
    }
}
