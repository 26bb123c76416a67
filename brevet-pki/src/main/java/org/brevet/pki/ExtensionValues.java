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

    Optional<Der> subjectKeyIdentifier() {
        SubjectKeyIdentifier ski = extensions == null ? null : SubjectKeyIdentifier.fromExtensions(extensions);
        return Optional.ofNullable(ski).map(s -> Der.of(s.getKeyIdentifier()));
    }
}
