package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void der_copiesAndComparesByContent() {
        byte[] raw = {1, 2, 3};
        Der der = Der.of(raw);
        raw[0] = 9;
        assertThat(der.bytes()).containsExactly(1, 2, 3);
        assertThat(der).isEqualTo(Der.of(new byte[] {1, 2, 3})).hasSameHashCodeAs(Der.of(new byte[] {1, 2, 3}));
        assertThat(Der.fromBase64(der.toBase64())).isEqualTo(der);
        assertThat(der.toHex()).isEqualTo("010203");
        assertThatThrownBy(() -> Der.fromBase64("!!!")).isInstanceOf(BrevetException.class);
    }

    @Test
    void pem_roundTripsAndFindsBlocksAmongText() {
        Der der = Der.of(new byte[200]);
        String pem = Pem.encode(Pem.CERTIFICATE, der);
        assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
        List<Pem.Block> blocks = Pem.decodeAll("Certificate:\n  junk\n" + pem + "x\n" + Pem.encode(Pem.PRIVATE_KEY, Der.of(new byte[] {5})));
        assertThat(blocks).extracting(Pem.Block::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
        assertThat(blocks.get(0).der()).isEqualTo(der);
        assertThat(Pem.decode(pem, Pem.CERTIFICATE)).isEqualTo(der);
        assertThatThrownBy(() -> Pem.decode(pem, Pem.X509_CRL))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void secret_neverPrintsItself() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).isEqualTo("***");
        assertThat(String.valueOf(List.of(s))).doesNotContain("hunter2");
        assertThat(s.reveal()).isEqualTo("hunter2");
        assertThat(s).isEqualTo(Secret.of("hunter2".toCharArray()));
    }

    @Test
    void secretFromFile_readsFirstLineWithoutLineBreak(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("pw");
        java.nio.file.Files.writeString(f, "s3cret pass\r\nsecond line\n");
        assertThat(Secret.fromFile(f).reveal()).isEqualTo("s3cret pass");
        java.nio.file.Files.writeString(f, "no-newline");
        assertThat(Secret.fromFile(f).reveal()).isEqualTo("no-newline");
        java.nio.file.Files.writeString(f, "\n");
        assertThatThrownBy(() -> Secret.fromFile(f))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        assertThatThrownBy(() -> Secret.fromFile(dir.resolve("missing")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void serialNumber_randomIsPositiveWideAndRoundTripsThroughHex() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            SerialNumber s = SerialNumber.random(random);
            assertThat(s.value().signum()).isPositive();
            assertThat(s.value().bitLength()).isBetween(64, 127);
            assertThat(SerialNumber.parse(s.toHex())).isEqualTo(s);
            assertThat(SerialNumber.parse(s.toString())).isEqualTo(s);
        }
        assertThat(SerialNumber.parse("1F:2A").value()).isEqualTo(0x1f2a);
        assertThat(SerialNumber.parse("d:10").value()).isEqualTo(BigInteger.TEN);
        assertThatThrownBy(() -> SerialNumber.parse("zz")).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> new SerialNumber(BigInteger.ZERO)).isInstanceOf(BrevetException.class);
    }

    @Test
    void keyUsage_parsesRfcAndDogtagNames() {
        assertThat(KeyUsage.parse("digitalSignature")).isEqualTo(KeyUsage.DIGITAL_SIGNATURE);
        assertThat(KeyUsage.parse("keyUsageCrlSign")).isEqualTo(KeyUsage.CRL_SIGN);
        assertThat(KeyUsage.parse("contentCommitment")).isEqualTo(KeyUsage.NON_REPUDIATION);
        assertThat(KeyUsage.parse("KEY_CERT_SIGN")).isEqualTo(KeyUsage.KEY_CERT_SIGN);
        assertThatThrownBy(() -> KeyUsage.parse("signEverything")).isInstanceOf(BrevetException.class);
    }

    @Test
    void extendedKeyUsage_resolvesNamesAndValidatesOids() {
        assertThat(ExtendedKeyUsage.oidOf("id-kp-serverAuth")).isEqualTo(ExtendedKeyUsage.SERVER_AUTH);
        assertThat(ExtendedKeyUsage.oidOf("OCSPSigning")).isEqualTo(ExtendedKeyUsage.OCSP_SIGNING);
        assertThat(ExtendedKeyUsage.oidOf("1.2.3.4")).isEqualTo("1.2.3.4");
        assertThatThrownBy(() -> ExtendedKeyUsage.oidOf("1..2")).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> ExtendedKeyUsage.oidOf("teleport")).isInstanceOf(BrevetException.class);
    }

    @Test
    void rawExtension_badOid_isMalformed() {
        assertThatThrownBy(() -> new RawExtension("not.an.oid", false, Der.of(new byte[0])))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
    }
}
