package org.brevet.pki;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * An X.500 distinguished name. Its text form is RFC 4514 ({@code CN=Certificate Authority,O=EXAMPLE.COM}:
 * most specific RDN first, i.e. the reverse of the DER order), with upper-case attribute keywords as
 * Dogtag prints them. {@link #parse} also accepts OpenSSL's {@code /O=y/CN=x} form, written in DER order.
 *
 * <p>A name keeps its exact DER encoding (so an issuer name copied from a CA certificate matches it byte
 * for byte). Equality follows RFC 5280 §7.1 in spirit: same attributes in the same order, values compared
 * case-insensitively with internal white space collapsed.
 */
public final class DistinguishedName {
    public static final DistinguishedName EMPTY = new DistinguishedName(new X500Name(new RDN[0]));

    private static final Hashtable<ASN1ObjectIdentifier, String> SYMBOLS = symbols();

    private final X500Name name;
    private final String text;
    private final List<String> canonical;

    private DistinguishedName(X500Name name) {
        this.name = name;
        this.text = format(name);
        this.canonical = canonicalForm(name);
    }

    /**
     * Parses an RFC 4514 string (also RFC 2253/1779 style with spaces after commas) or OpenSSL's slash form.
     * The empty string is the empty name.
     */
    public static DistinguishedName parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        if (s.isEmpty()) {
            return EMPTY;
        }
        try {
            RDN[] rdns = s.startsWith("/") ? slashForm(s) : rfc4514(s);
            for (RDN rdn : rdns) {
                if (rdn.size() == 0) {
                    throw new IllegalArgumentException("empty RDN");
                }
            }
            return new DistinguishedName(new X500Name(rdns));
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw BrevetException.malformed("not a distinguished name: '" + text + "'", e);
        }
    }

    public static DistinguishedName of(X500Name name) {
        try {
            for (RDN rdn : name.getRDNs()) {
                rdn.getTypesAndValues();
            }
            return new DistinguishedName(name);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw BrevetException.malformed("not a valid distinguished name", e);
        }
    }

    public static DistinguishedName of(X500Principal principal) {
        return fromDer(Der.of(principal.getEncoded()));
    }

    /** Decodes a DER Name. */
    public static DistinguishedName fromDer(Der der) {
        try {
            return of(X500Name.getInstance(der.bytes()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw BrevetException.malformed("not a DER distinguished name", e);
        }
    }

    /** The value of the most specific CN attribute, if any. */
    public Optional<String> commonName() {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(plain(rdns[rdns.length - 1].getFirst().getValue()));
    }

    /** All values of the attribute, most specific first ("OU" may appear several times). */
    public List<String> values(String keyword) {
        ASN1ObjectIdentifier oid = BCStyle.INSTANCE.attrNameToOID(keyword);
        List<String> out = new ArrayList<>();
        RDN[] rdns = name.getRDNs();
        for (int i = rdns.length - 1; i >= 0; i--) {
            for (AttributeTypeAndValue tv : rdns[i].getTypesAndValues()) {
                if (tv.getType().equals(oid)) {
                    out.add(plain(tv.getValue()));
                }
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return name.getRDNs().length == 0;
    }

    public X500Name toX500Name() {
        return name;
    }

    public X500Principal toX500Principal() {
        return new X500Principal(toDer().bytes());
    }

    public Der toDer() {
        return derOf(name);
    }

    /** The RFC 4514 text. */
    public String rfc4514() {
        return text;
    }

    /** The OpenSSL slash form, in DER order ({@code /O=EXAMPLE.COM/CN=x}). */
    public String toSlashForm() {
        StringBuilder sb = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            StringBuilder one = new StringBuilder();
            IETFUtils.appendRDN(one, rdn, SYMBOLS);
            sb.append('/').append(one.toString().replace("/", "\\/"));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinguishedName other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** The attribute value as text, unescaped (hex form for values that are not strings). */
    private static String plain(org.bouncycastle.asn1.ASN1Encodable value) {
        return value instanceof org.bouncycastle.asn1.ASN1String s ? s.getString() : IETFUtils.valueToString(value);
    }

    private static RDN[] rfc4514(String s) {
        RDN[] rdns = IETFUtils.rDNsFromString(s, BCStyle.INSTANCE);
        List<RDN> list = new ArrayList<>(Arrays.asList(rdns));
        Collections.reverse(list);
        return list.toArray(new RDN[0]);
    }

    private static RDN[] slashForm(String s) {
        List<RDN> rdns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 1; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '/';
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                current.append("/");
                i++;
            } else if (c == '/') {
                String part = current.toString().trim();
                current.setLength(0);
                if (part.isEmpty()) {
                    continue;
                }
                if (part.indexOf('=') < 0) {
                    throw new IllegalArgumentException("component without '=': " + part);
                }
                rdns.addAll(Arrays.asList(IETFUtils.rDNsFromString(part.replace(",", "\\,"), BCStyle.INSTANCE)));
            } else {
                current.append(c);
            }
        }
        return rdns.toArray(new RDN[0]);
    }

    private static String format(X500Name name) {
        StringBuilder sb = new StringBuilder();
        RDN[] rdns = name.getRDNs();
        for (int i = rdns.length - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            IETFUtils.appendRDN(sb, rdns[i], SYMBOLS);
        }
        return sb.toString();
    }

    private static List<String> canonicalForm(X500Name name) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            List<String> avas = new ArrayList<>();
            for (AttributeTypeAndValue tv : rdn.getTypesAndValues()) {
                avas.add(tv.getType().getId() + "=" + IETFUtils.canonicalString(tv.getValue()));
            }
            Collections.sort(avas);
            out.add(String.join("+", avas));
        }
        return List.copyOf(out);
    }

    private static Der derOf(X500Name name) {
        try {
            return Der.of(name.getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a name", e);
        }
    }

    private static Hashtable<ASN1ObjectIdentifier, String> symbols() {
        Hashtable<ASN1ObjectIdentifier, String> t = new Hashtable<>();
        t.put(BCStyle.CN, "CN");
        t.put(BCStyle.O, "O");
        t.put(BCStyle.OU, "OU");
        t.put(BCStyle.C, "C");
        t.put(BCStyle.L, "L");
        t.put(BCStyle.ST, "ST");
        t.put(BCStyle.STREET, "STREET");
        t.put(BCStyle.DC, "DC");
        t.put(BCStyle.UID, "UID");
        t.put(BCStyle.E, "E");
        t.put(BCStyle.SERIALNUMBER, "SERIALNUMBER");
        t.put(BCStyle.T, "T");
        t.put(BCStyle.SURNAME, "SURNAME");
        t.put(BCStyle.GIVENNAME, "GIVENNAME");
        t.put(BCStyle.DN_QUALIFIER, "DNQUALIFIER");
        t.put(BCStyle.POSTAL_CODE, "POSTALCODE");
        return t;
    }
}
