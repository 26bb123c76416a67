package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectAltNameTest {
    @ParameterizedTest(name = "ok: {0}")
    @CsvSource({
        "DNS:host.example.com, DNS:host.example.com",
        "dns:host.example.com, DNS:host.example.com",
        "IP:192.0.2.1, IP:192.0.2.1",
        "IP Address:192.0.2.1, IP:192.0.2.1",
        "IP:2001:DB8:0:0:0:0:0:1, IP:2001:db8::1",
        "IP:[::1], IP:::1",
        "IP:fe80:0:0:1:0:0:0:1, IP:fe80:0:0:1::1",
        "email:a@example.com, email:a@example.com",
        "URI:https://example.com/x, URI:https://example.com/x",
        "UPN:user@EXAMPLE.COM, UPN:user@EXAMPLE.COM",
        "KRB5PrincipalName:host/h.example.com@EXAMPLE.COM, KRB5PrincipalName:host/h.example.com@EXAMPLE.COM",
    })
    void parse_validForms_canonicalise(String text, String expected) {
        assertThat(SubjectAltName.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "fail: {0}")
    @ValueSource(strings = {"IP:1.2.3", "IP:300.1.1.1", "IP:host.example.com", "IP:1::2::3", "FOO:bar", "DNS:", "noprefix",
        "KRB5PrincipalName:norealm", "DNS:bad name.example", "DNS:-lead.example", "DNS:a..b", "DNS:host.example.",
        "DNS:*", "DNS:a.*.example", "email:nobody", "email:a@", "URI:relative/path", "URI:http://exa mple.com"})
    void parse_invalid_isMalformed(String text) {
        assertThatThrownBy(() -> SubjectAltName.parse(text))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @ParameterizedTest(name = "ok: {0}")
    @ValueSource(strings = {"DNS:a.example", "IP:10.0.0.1", "IP:2001:db8::5", "email:x@y.z", "URI:urn:x",
        "UPN:u@R.EXAMPLE", "KRB5PrincipalName:HTTP/www.example.com@EXAMPLE.COM"})
    void generalName_roundTrips(String text) {
        SubjectAltName san = SubjectAltName.parse(text);
        GeneralName gn = san.toGeneralName();
        assertThat(SubjectAltName.fromGeneralName(GeneralName.getInstance(gn.toASN1Primitive()))).contains(san);
    }

    @ParameterizedTest(name = "ok: {0}")
    @ValueSource(strings = {"DNS:*.example.com", "DNS:_srv.example.com", "DNS:localhost", "DNS:xn--bcher-kva.example",
        "DNS:a-b.c-d.example"})
    void parse_validDnsNames_areAccepted(String text) {
        assertThat(SubjectAltName.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void isDnsName_matchesTheFactoryRule() {
        assertThat(SubjectAltName.isDnsName("ca.example.com")).isTrue();
        assertThat(SubjectAltName.isDnsName("*.example.com")).isTrue();
        assertThat(SubjectAltName.isDnsName("Certificate Authority")).isFalse();
        assertThat(SubjectAltName.isDnsName("a".repeat(254))).isFalse();
    }

    @Test
    void fromGeneralName_toleratesNamesUserInputWouldNotPass() {
        GeneralName odd = new GeneralName(GeneralName.dNSName, "odd name");
        assertThat(SubjectAltName.fromGeneralName(odd)).contains(new SubjectAltName(SubjectAltName.Kind.DNS, "odd name"));
    }

    @Test
    void fromGeneralName_directoryName_isSkipped() {
        GeneralName dir = new GeneralName(DistinguishedName.parse("CN=x").toX500Name());
        assertThat(SubjectAltName.fromGeneralName(dir)).isEmpty();
    }
}
