package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.KeyUsage;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.protocol.cmc.CmcFailInfo;
import org.brevet.protocol.cmc.CmcStatusInfo;
import org.brevet.protocol.cmc.FullPkiResponseBuilder;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brevet cmc-response} prints what seed 002 shows CMCResponse printing, and writes a chain openssl reads. */
class CmcResponseCommandTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final KeyPair caKey = KeySpec.EC_P256.generate(RANDOM);
    private final Signer caSigner = Signer.of(caKey.getPrivate(), caKey.getPublic());
    private final Certificate ca = certificate("CN=CMC Test CA", caKey, true);

    @Test
    void success_printsTheCertificates_andStatusInfoV2_andWritesThePkcs7Chain() throws Exception {
        Certificate leaf = certificate("CN=user_name,UID=example,OU=keyArchivalExample", KeySpec.EC_P256.generate(RANDOM), false);
        Der response = new FullPkiResponseBuilder().status(CmcStatusInfo.success(List.of(1L))).certificates(List.of(leaf))
                .sign(caSigner, ca, List.of(ca));
        Path in = Files.write(dir.resolve("cmc-response.bin"), response.bytes());

        CliRun.Result r = CliRun.run("cmc-response", "-i", in.toString(), "-o", dir.resolve("certs.p7").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Certificates:\n    Certificate:\n        Data:\n            Version:  v3\n")
                .contains("            Subject: CN=user_name,UID=example,OU=keyArchivalExample\n")
                .contains("            Issuer: CN=CMC Test CA\n")
                .contains("Number of controls is 1\nControl #0: CMCStatusInfoV2\n   OID: {1 3 6 1 5 5 7 7 25}\n"
                        + "   BodyList: 1\n   Status: SUCCESS\n");
        assertThat(new Openssl(dir).ok("pkcs7", "-in", "certs.p7", "-print_certs", "-noout").output())
                .contains("CN = user_name").contains("subject=CN = CMC Test CA");
    }

    @Test
    void failure_printsOtherInfoFailAndTheFailInfoText() throws Exception {
        Der response = new FullPkiResponseBuilder().status(CmcStatusInfo.failed(List.of(1L), CmcFailInfo.POP_REQUIRED, "decryptedPOP needed"))
                .responseInfo(Der.of(new byte[] {0x02, 0x01, 0x0f})).sign(caSigner, ca, List.of(ca));
        Path in = Files.write(dir.resolve("round1.bin"), response.bytes());

        CliRun.Result r = CliRun.run("cmc-response", "-i", in.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Number of controls is 2\nControl #0: CMCStatusInfoV2\n   OID: {1 3 6 1 5 5 7 7 25}\n"
                + "   BodyList: 1\n   OtherInfo type: FAIL\n     failInfo=POP required\n")
                .contains("Control #1: CMC ResponseInfo\n   OID: {1 3 6 1 5 5 7 7 19}");
    }

    @Test
    void notACmcResponse_isOneLine_exitNonZero() throws Exception {
        Path in = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3});
        CliRun.Result r = CliRun.run("cmc-response", "-i", in.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("brevet: ").doesNotContain("Exception");
    }

    private Certificate certificate(String subject, KeyPair key, boolean isCa) {
        DistinguishedName name = DistinguishedName.parse(subject);
        CertificateBuilder b = new CertificateBuilder().serial(SerialNumber.random(RANDOM))
                .issuer(isCa ? name : DistinguishedName.parse("CN=CMC Test CA")).subject(name)
                .validity(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(30))).publicKey(key.getPublic());
        if (isCa) {
            b.basicConstraints(true, OptionalInt.empty(), true).keyUsage(EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN));
        }
        return b.build(caSigner);
    }
}
