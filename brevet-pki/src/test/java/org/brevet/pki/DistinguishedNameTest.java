package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinguishedNameTest {
    @Test
    void parse_dogtagCaName_keepsRfc4514TextAndReversesDerOrder() {
        DistinguishedName dn = DistinguishedName.parse("CN=Certificate Authority,O=EXAMPLE.COM");
        assertThat(dn.toString()).isEqualTo("CN=Certificate Authority,O=EXAMPLE.COM");
        // DER order is most general first: O then CN
        assertThat(dn.toX500Name().getRDNs()[0].getFirst().getType()).isEqualTo(BCStyle.O);
        assertThat(dn.commonName()).contains("Certificate Authority");
    }

    @Test
    void toX500Principal_matchesJdkParsingOfTheSameString() {
        String text = "CN=Certificate Authority,OU=pki,O=EXAMPLE.COM,C=US";
        DistinguishedName dn = DistinguishedName.parse(text);
        X500Principal jdk = new X500Principal(text);
        assertThat(dn.toX500Principal()).isEqualTo(jdk);
        assertThat(DistinguishedName.of(jdk)).isEqualTo(dn);
        assertThat(DistinguishedName.of(jdk).toString()).isEqualTo(text);
    }

    @Test
    void parse_opensslSlashForm_isInDerOrder() {
        DistinguishedName dn = DistinguishedName.parse("/O=EXAMPLE.COM/CN=host.example.com");
        assertThat(dn).isEqualTo(DistinguishedName.parse("CN=host.example.com,O=EXAMPLE.COM"));
        assertThat(dn.toSlashForm()).isEqualTo("/O=EXAMPLE.COM/CN=host.example.com");
    }

    @Test
    void parse_slashFormWithCommaInValue_keepsTheComma() {
        DistinguishedName dn = DistinguishedName.parse("/O=Acme, Inc./CN=x");
        assertThat(dn.values("O")).containsExactly("Acme, Inc.");
        assertThat(dn.toString()).isEqualTo("CN=x,O=Acme\\, Inc.");
        assertThat(DistinguishedName.parse(dn.toString())).isEqualTo(dn);
    }

    @Test
    void equality_ignoresKeywordCaseSpacingAndValueCase() {
        DistinguishedName a = DistinguishedName.parse("CN=Certificate Authority,O=EXAMPLE.COM");
        DistinguishedName b = DistinguishedName.parse("cn=certificate   authority, o=example.com");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(DistinguishedName.parse("O=EXAMPLE.COM,CN=Certificate Authority"));
    }

    @Test
    void derRoundTrip_preservesEncodingAndText() {
        DistinguishedName dn = DistinguishedName.parse("E=admin@example.com,CN=Admin,OU=People+UID=admin,DC=example,DC=com");
        DistinguishedName back = DistinguishedName.fromDer(dn.toDer());
        assertThat(back.toDer()).isEqualTo(dn.toDer());
        assertThat(back.toString()).isEqualTo(dn.toString());
        assertThat(back.values("DC")).containsExactly("example", "com");
    }

    @Test
    void parse_empty_isTheEmptyName() {
        assertThat(DistinguishedName.parse("").isEmpty()).isTrue();
        assertThat(DistinguishedName.EMPTY.commonName()).isEmpty();
        assertThat(DistinguishedName.EMPTY.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "CN", "FOO=bar", "CN=x,,O=y", "/CN=x/garbage", "=x"})
    void parse_garbage_isMalformed(String text) {
        assertThatThrownBy(() -> DistinguishedName.parse(text))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void fromDer_garbage_isMalformed() {
        assertThatThrownBy(() -> DistinguishedName.fromDer(Der.of(new byte[] {0x30, 0x05, 0x01})))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }
}
