package org.brevet.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.ldap.Rdn;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SubjectAltName;

/**
 * Which system certificates {@code ca init} has the new CA issue, under Dogtag's nicknames and with the
 * profile of each one's Dogtag namesake. Keys follow the CA key's family: EC P-256 under an EC CA, RSA 2048
 * under an RSA CA (the profiles' minimums; the CA key's size does not slow every TLS handshake).
 */
final class SystemCertificates {
    static final String ADMIN_USER = "caadmin";
    static final String ADMIN_FULL_NAME = "CA Administrator";
    static final String ADMIN_PROFILE = "caAdminCert";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    /** One certificate to issue. */
    record Spec(String nickname, String profileId, DistinguishedName subject, KeySpec key, List<SubjectAltName> sans) {
    }

    private SystemCertificates() {
    }

    static List<Spec> all(KeySpec caKey, DistinguishedName caSubject, List<String> hostnames) {
        boolean ec = caKey.algorithm() == KeyAlgorithm.EC;
        KeySpec key = ec ? KeySpec.EC_P256 : KeySpec.RSA_2048;
        return List.of(
                server(caKey, caSubject, hostnames),
                new Spec(KeyToken.SUBSYSTEM, ec ? "caECSubsystemCert" : "caSubsystemCert",
                        subject("CA Subsystem Certificate", caSubject), key, List.of()),
                new Spec(KeyToken.OCSP_SIGNING, "caOCSPCert", subject("OCSP Signing Certificate", caSubject), key,
                        List.of()),
                new Spec(KeyToken.AUDIT_SIGNING, "caAuditSigningCert", subject("CA Audit Signing Certificate", caSubject),
                        key, List.of()));
    }

    /** The node's own TLS server certificate (each node, clones included, has its own). */
    static Spec server(KeySpec caKey, DistinguishedName caSubject, List<String> hostnames) {
        boolean ec = caKey.algorithm() == KeyAlgorithm.EC;
        return new Spec(KeyToken.SERVER, ec ? "caECServerCert" : "caServerCert", subject(hostnames.get(0), caSubject),
                ec ? KeySpec.EC_P256 : KeySpec.RSA_2048, serverNames(hostnames));
    }

    /**
     * The KRA's transport and storage certificates (Dogtag's subjects "DRM Transport/Storage Certificate"),
     * always RSA 2048: clients and the KRA wrap session keys to them with RSA-OAEP.
     */
    static List<Spec> kra(DistinguishedName caSubject) {
        return List.of(
                new Spec(org.brevet.kra.KraKeys.TRANSPORT_NICKNAME, "caTransportCert",
                        subject("DRM Transport Certificate", caSubject), KeySpec.RSA_2048, List.of()),
                new Spec(org.brevet.kra.KraKeys.STORAGE_NICKNAME, "caStorageCert",
                        subject("DRM Storage Certificate", caSubject), KeySpec.RSA_2048, List.of()));
    }

    /** The bootstrap administrator's certificate (Dogtag: "PKI Administrator", the caadmin user). */
    static Spec admin(KeySpec caKey, DistinguishedName caSubject) {
        KeySpec key = caKey.algorithm() == KeyAlgorithm.EC ? KeySpec.EC_P256 : KeySpec.RSA_2048;
        String org = organization(caSubject).map(o -> ",O=" + Rdn.escapeValue(o)).orElse("");
        return new Spec(ADMIN_USER, ADMIN_PROFILE,
                DistinguishedName.parse("CN=PKI Administrator,UID=" + ADMIN_USER + org), key, List.of());
    }

    /** Every host name as a DNS SAN (an IP literal as an IP SAN), plus 127.0.0.1 for local clients. */
    static List<SubjectAltName> serverNames(List<String> hostnames) {
        List<SubjectAltName> sans = new ArrayList<>();
        for (String name : hostnames) {
            SubjectAltName san = IP_LITERAL.matcher(name).matches() ? SubjectAltName.ip(name) : SubjectAltName.dns(name);
            if (!sans.contains(san)) {
                sans.add(san);
            }
        }
        SubjectAltName loopback = SubjectAltName.ip(InetAddress.getLoopbackAddress().getHostAddress());
        if (!sans.contains(loopback)) {
            sans.add(loopback);
        }
        return List.copyOf(sans);
    }

    private static DistinguishedName subject(String commonName, DistinguishedName caSubject) {
        String org = organization(caSubject).map(o -> ",O=" + Rdn.escapeValue(o)).orElse("");
        return DistinguishedName.parse("CN=" + Rdn.escapeValue(commonName) + org);
    }

    private static Optional<String> organization(DistinguishedName caSubject) {
        return caSubject.values("O").stream().findFirst();
    }
}
