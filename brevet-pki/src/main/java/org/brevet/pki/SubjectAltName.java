package org.brevet.pki;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * One subjectAltName entry (RFC 5280 §4.2.1.6): a DNS name, an IP address (v4 or v6, kept in canonical
 * text form), an email address, a URI, a Microsoft UPN or a Kerberos principal (RFC 4556 §3.2.2).
 * Written as {@code DNS:host.example.com}, {@code IP:192.0.2.1}, {@code email:a@example.com},
 * {@code URI:https://...}, {@code UPN:user@EXAMPLE.COM}, {@code KRB5PrincipalName:host/h@EXAMPLE.COM}.
 */
public record SubjectAltName(Kind kind, String value) {
    /** id-pkinit-san (RFC 4556). */
    static final ASN1ObjectIdentifier KRB5_PRINCIPAL = new ASN1ObjectIdentifier("1.3.6.1.5.2.2");
    /** Microsoft User Principal Name. */
    static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");

    /** The kinds of names, with the prefix used in text form. */
    public enum Kind {
        DNS("DNS"),
        IP("IP"),
        EMAIL("email"),
        URI("URI"),
        UPN("UPN"),
        KERBEROS_PRINCIPAL("KRB5PrincipalName");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        static Kind parse(String prefix) {
            switch (prefix.trim().toUpperCase(Locale.ROOT)) {
                case "DNS": return DNS;
                case "IP": case "IP ADDRESS": return IP;
                case "EMAIL": case "RFC822": case "RFC822NAME": return EMAIL;
                case "URI": case "URL": return URI;
                case "UPN": case "MSUPN": return UPN;
                case "KRB5PRINCIPALNAME": case "KRB5": case "PRINCIPAL": case "KERBEROS": return KERBEROS_PRINCIPAL;
                default:
                    throw new BrevetException(ErrorKind.MALFORMED, "unknown subjectAltName type '" + prefix
                            + "' (use DNS, IP, email, URI, UPN or KRB5PrincipalName)");
            }
        }
    }

    public SubjectAltName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = value.trim();
        if (value.isEmpty()) {
            throw new BrevetException(ErrorKind.MALFORMED, "empty " + kind.prefix() + " subjectAltName");
        }
        if (kind == Kind.IP) {
            value = IpAddressText.canonical(value);
        }
        if (kind == Kind.KERBEROS_PRINCIPAL && value.lastIndexOf('@') <= 0) {
            throw new BrevetException(ErrorKind.MALFORMED, "Kerberos principal '" + value + "' has no realm");
        }
    }

    /**
     * A name from user input, validated: DNS names must be LDH host names (a leading "*." wildcard label
     * is allowed; internationalised names must be given as A-labels), email addresses need an "@", URIs
     * need a scheme. Names decoded from certificates are taken as they are.
     */
    public static SubjectAltName of(Kind kind, String value) {
        SubjectAltName san = new SubjectAltName(kind, value);
        san.validate();
        return san;
    }

    public static SubjectAltName dns(String name) {
        return of(Kind.DNS, name);
    }

    public static SubjectAltName ip(String address) {
        return new SubjectAltName(Kind.IP, address);
    }

    public static SubjectAltName email(String address) {
        return of(Kind.EMAIL, address);
    }

    public static SubjectAltName uri(String uri) {
        return of(Kind.URI, uri);
    }

    /** Parses {@code TYPE:value} (see the class comment; also openssl's "IP Address:" spelling). */
    public static SubjectAltName parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new BrevetException(ErrorKind.MALFORMED, "subjectAltName '" + text + "' must look like DNS:name or IP:address");
        }
        return of(Kind.parse(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** The BouncyCastle GeneralName. */
    public GeneralName toGeneralName() {
        switch (kind) {
            case DNS: return new GeneralName(GeneralName.dNSName, value);
            case IP: return new GeneralName(GeneralName.iPAddress, value);
            case EMAIL: return new GeneralName(GeneralName.rfc822Name, value);
            case URI: return new GeneralName(GeneralName.uniformResourceIdentifier, value);
            case UPN: return otherName(UPN, new DERUTF8String(value));
            case KERBEROS_PRINCIPAL: return otherName(KRB5_PRINCIPAL, KerberosPrincipalName.encode(value));
            default: throw new AssertionError(kind);
        }
    }

    /** The entry for a GeneralName, or empty for kinds Brevet does not model (directoryName, x400, ...). */
    public static Optional<SubjectAltName> fromGeneralName(GeneralName name) {
        ASN1Encodable n = name.getName();
        try {
            switch (name.getTagNo()) {
                case GeneralName.dNSName: return Optional.of(new SubjectAltName(Kind.DNS, text(n)));
                case GeneralName.rfc822Name: return Optional.of(new SubjectAltName(Kind.EMAIL, text(n)));
                case GeneralName.uniformResourceIdentifier: return Optional.of(new SubjectAltName(Kind.URI, text(n)));
                case GeneralName.iPAddress: return Optional.of(ip(IpAddressText.fromOctets(ASN1OctetString.getInstance(n).getOctets())));
                case GeneralName.otherName: return fromOtherName(ASN1Sequence.getInstance(n));
                default: return Optional.empty();
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw BrevetException.malformed("invalid subjectAltName entry", e);
        }
    }

    @Override
    public String toString() {
        return kind.prefix() + ":" + value;
    }

    private static final java.util.regex.Pattern DNS_NAME = java.util.regex.Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");

    /** Whether {@code name} passes the DNS-name check that {@link #dns} applies (LDH labels, optional "*."). */
    public static boolean isDnsName(String name) {
        return name.length() <= 253 && DNS_NAME.matcher(name).matches();
    }

    private void validate() {
        switch (kind) {
            case DNS:
                if (!isDnsName(value)) {
                    throw new BrevetException(ErrorKind.MALFORMED, "'" + value + "' is not a valid DNS name");
                }
                break;
            case EMAIL:
                int at = value.indexOf('@');
                if (at <= 0 || at == value.length() - 1 || value.chars().anyMatch(Character::isWhitespace)) {
                    throw new BrevetException(ErrorKind.MALFORMED, "'" + value + "' is not a valid email address");
                }
                break;
            case URI:
                try {
                    if (new java.net.URI(value).getScheme() == null) {
                        throw new BrevetException(ErrorKind.MALFORMED, "URI '" + value + "' has no scheme");
                    }
                } catch (java.net.URISyntaxException e) {
                    throw BrevetException.malformed("'" + value + "' is not a valid URI", e);
                }
                break;
            default:
                break;
        }
    }

    private static String text(ASN1Encodable n) {
        return ((ASN1String) n).getString();
    }

    private static GeneralName otherName(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
            type, new DERTaggedObject(true, 0, value)}));
    }

    private static Optional<SubjectAltName> fromOtherName(ASN1Sequence seq) {
        ASN1ObjectIdentifier type = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0));
        ASN1Encodable value = ASN1TaggedObject.getInstance(seq.getObjectAt(1)).getExplicitBaseObject();
        if (type.equals(UPN)) {
            return Optional.of(new SubjectAltName(Kind.UPN, text(value)));
        }
        if (type.equals(KRB5_PRINCIPAL)) {
            return Optional.of(new SubjectAltName(Kind.KERBEROS_PRINCIPAL, KerberosPrincipalName.decode(ASN1Sequence.getInstance(value))));
        }
        return Optional.empty();
    }
}
