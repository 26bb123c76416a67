package org.brevet.pki;

import java.io.IOException;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * One X.509 extension as bytes: its OID, criticality and the DER of its value (the content of extnValue,
 * without the OCTET STRING wrapper). Used to copy requested extensions from a CSR into a certificate.
 */
public record RawExtension(String oid, boolean critical, Der value) {
    public RawExtension {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(value, "value");
        try {
            new ASN1ObjectIdentifier(oid);
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("not an OID: '" + oid + "'", e);
        }
    }

    static RawExtension from(Extension e) {
        return new RawExtension(e.getExtnId().getId(), e.isCritical(), Der.of(e.getExtnValue().getOctets()));
    }

    Extension toBc() {
        try {
            return new Extension(new ASN1ObjectIdentifier(oid), critical, value.bytes());
        } catch (IllegalArgumentException e) {
            throw BrevetException.malformed("invalid extension " + oid, e);
        }
    }

    static RawExtension of(ASN1ObjectIdentifier oid, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return new RawExtension(oid.getId(), critical, Der.of(value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }
}
