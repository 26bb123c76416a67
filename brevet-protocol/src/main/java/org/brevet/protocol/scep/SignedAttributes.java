package org.brevet.protocol.scep;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.brevet.pki.Der;

/** Reads SCEP's single-valued signed attributes. */
final class SignedAttributes {
    private final AttributeTable table;

    SignedAttributes(AttributeTable table) {
        this.table = table == null ? new AttributeTable(new org.bouncycastle.asn1.ASN1EncodableVector()) : table;
    }

    Optional<String> string(ASN1ObjectIdentifier oid) {
        return value(oid).filter(v -> v instanceof ASN1String).map(v -> ((ASN1String) v).getString());
    }

    Optional<Der> octets(ASN1ObjectIdentifier oid) {
        return value(oid).filter(v -> v instanceof ASN1OctetString).map(v -> Der.of(((ASN1OctetString) v).getOctets()));
    }

    Optional<ASN1Encodable> value(ASN1ObjectIdentifier oid) {
        Attribute attribute = table.get(oid);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(attribute.getAttrValues().getObjectAt(0));
    }
}
