package org.brevet.pki;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/** The KRB5PrincipalName otherName of PKINIT (RFC 4556 §3.2.2), to and from "primary/instance@REALM". */
final class KerberosPrincipalName {
    /** KRB5-NT-PRINCIPAL (RFC 4120 §6.2). */
    private static final int NT_PRINCIPAL = 1;

    private KerberosPrincipalName() {
    }

    /** KRB5PrincipalName ::= SEQUENCE { realm [0] Realm, principalName [1] PrincipalName } (RFC 4556 §3.2.2). */
    static ASN1Encodable encode(String principal) {
        int at = principal.lastIndexOf('@');
        String realm = principal.substring(at + 1);
        String[] components = principal.substring(0, at).split("/", -1);
        ASN1Encodable[] strings = new ASN1Encodable[components.length];
        for (int i = 0; i < components.length; i++) {
            strings[i] = new DERGeneralString(components[i]);
        }
        DERSequence principalName = new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(true, 0, new ASN1Integer(NT_PRINCIPAL)),
            new DERTaggedObject(true, 1, new DERSequence(strings))});
        return new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(true, 0, new DERGeneralString(realm)),
            new DERTaggedObject(true, 1, principalName)});
    }

    static String decode(ASN1Sequence krb5) {
        String realm = ((ASN1String) ASN1TaggedObject.getInstance(krb5.getObjectAt(0)).getExplicitBaseObject()).getString();
        ASN1Sequence principalName = ASN1Sequence.getInstance(
                ASN1TaggedObject.getInstance(krb5.getObjectAt(1)).getExplicitBaseObject());
        ASN1Sequence strings = ASN1Sequence.getInstance(
                ASN1TaggedObject.getInstance(principalName.getObjectAt(1)).getExplicitBaseObject());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(((ASN1String) strings.getObjectAt(i)).getString());
        }
        return sb.append('@').append(realm).toString();
    }
}
