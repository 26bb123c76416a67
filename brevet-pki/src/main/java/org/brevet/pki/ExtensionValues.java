package org.brevet.pki;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Reads typed values out of a set of X.509 extensions (from a certificate or a CSR's extensionRequest). */
final class ExtensionValues {
    private final Extensions extensions;

    ExtensionValues(Extensions extensions) {
        this.extensions = extensions;
    }

    List<RawExtension> all() {
        if (extensions == null) {
            return List.of();
        }
        List<RawExtension> out = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            out.add(RawExtension.from(extensions.getExtension(oid)));
        }
        return List.copyOf(out);
    }

    Optional<RawExtension> find(String oid) {
        if (extensions == null) {
            return Optional.empty();
        }
        Extension e = extensions.getExtension(new ASN1ObjectIdentifier(oid));
        return Optional.ofNullable(e).map(RawExtension::from);
    }

    List<SubjectAltName> subjectAltNames() {
        GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (names == null) {
            return List.of();
        }
        List<SubjectAltName> out = new ArrayList<>();
        for (GeneralName n : names.getNames()) {
            SubjectAltName.fromGeneralName(n).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    Set<KeyUsage> keyUsage() {
        org.bouncycastle.asn1.x509.KeyUsage ku = extensions == null ? null
                : org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(extensions);
        return ku == null ? Set.of() : Collections.unmodifiableSet(KeyUsage.fromBc(ku));
    }

    List<String> extendedKeyUsages() {
        org.bouncycastle.asn1.x509.ExtendedKeyUsage eku = extensions == null ? null
                : org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(extensions);
        if (eku == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (KeyPurposeId id : eku.getUsages()) {
            out.add(id.getId());
        }
        return List.copyOf(out);
    }

    /** URIs of the authorityInfoAccess entries with the given access method. */
    List<String> accessUrls(ASN1ObjectIdentifier method) {
        org.bouncycastle.asn1.x509.AuthorityInformationAccess aia = extensions == null ? null
                : org.bouncycastle.asn1.x509.AuthorityInformationAccess.fromExtensions(extensions);
        if (aia == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (org.bouncycastle.asn1.x509.AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(method) && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                out.add(((org.bouncycastle.asn1.ASN1String) d.getAccessLocation().getName()).getString());
            }
        }
        return List.copyOf(out);
    }

    /** Full-name URIs of the cRLDistributionPoints extension. */
    List<String> crlDistributionPointUrls() {
        org.bouncycastle.asn1.x509.CRLDistPoint dps = extensions == null ? null
                : org.bouncycastle.asn1.x509.CRLDistPoint.fromExtensions(extensions);
        if (dps == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (org.bouncycastle.asn1.x509.DistributionPoint dp : dps.getDistributionPoints()) {
            org.bouncycastle.asn1.x509.DistributionPointName name = dp.getDistributionPoint();
            if (name == null || name.getType() != org.bouncycastle.asn1.x509.DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName n : GeneralNames.getInstance(name.getName()).getNames()) {
                if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    out.add(((org.bouncycastle.asn1.ASN1String) n.getName()).getString());
                }
            }
        }
        return List.copyOf(out);
    }

    Optional<Der> subjectKeyIdentifier() {
        SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
        return Optional.ofNullable(ski).map(s -> Der.of(s.getKeyIdentifier()));
    }
}
