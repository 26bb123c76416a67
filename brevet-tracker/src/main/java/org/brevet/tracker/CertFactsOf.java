package org.brevet.tracker;

import java.util.List;
import java.util.Map;
import org.brevet.pki.Certificate;
import org.brevet.pki.ExtendedKeyUsage;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.state.CertFacts;

/** What {@code getcert list} shows of a certificate, with certmonger's names for key usages and EKUs. */
final class CertFactsOf {
    private static final Map<String, String> EKU_NAMES = Map.of(
            ExtendedKeyUsage.SERVER_AUTH, "id-kp-serverAuth",
            ExtendedKeyUsage.CLIENT_AUTH, "id-kp-clientAuth",
            ExtendedKeyUsage.CODE_SIGNING, "id-kp-codeSigning",
            ExtendedKeyUsage.EMAIL_PROTECTION, "id-kp-emailProtection",
            ExtendedKeyUsage.TIME_STAMPING, "id-kp-timeStamping",
            ExtendedKeyUsage.OCSP_SIGNING, "id-kp-OCSPSigning",
            ExtendedKeyUsage.PKINIT_CLIENT_AUTH, "id-pkinit-KPClientAuth",
            ExtendedKeyUsage.PKINIT_KDC, "id-pkinit-KPKdc");

    private CertFactsOf() {
    }

    static CertFacts of(Certificate c) {
        List<SubjectAltName> sans = c.subjectAltNames();
        List<String> ku = c.keyUsage().stream().sorted().map(KeyUsage::rfcName).toList();
        List<String> eku = c.extendedKeyUsages().stream().map(o -> EKU_NAMES.getOrDefault(o, o)).toList();
        return new CertFacts(c.issuer().rfc4514(), c.subject().rfc4514(), c.serial().toHex(), c.notBefore(),
                c.notAfter(), values(sans, SubjectAltName.Kind.DNS), values(sans, SubjectAltName.Kind.EMAIL),
                values(sans, SubjectAltName.Kind.KERBEROS_PRINCIPAL), values(sans, SubjectAltName.Kind.IP), ku, eku);
    }

    private static List<String> values(List<SubjectAltName> sans, SubjectAltName.Kind kind) {
        return sans.stream().filter(s -> s.kind() == kind).map(SubjectAltName::value).toList();
    }
}
