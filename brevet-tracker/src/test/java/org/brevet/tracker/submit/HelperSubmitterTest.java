package org.brevet.tracker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBuilder;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.KeySpec;
import org.brevet.pki.SerialNumber;
import org.brevet.pki.Signer;
import org.brevet.pki.SubjectAltName;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;
import org.brevet.tracker.state.CsrTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelperSubmitterTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource({
        "1, Wait",
        "2, Rejected",
        "3, Unreachable",
        "4, Unconfigured",
        "6, NeedsGuidance",
        "16, NeedsScepData",
        "17, NeedsRekey",
        "9, NeedsGuidance",
        "0, NeedsGuidance",
    })
    void exitCode_mapsToCertmongersMeaning(int exit, String outcome) {
        assertThat(HelperSubmitter.interpret(exit, "some text\n").getClass().getSimpleName()).isEqualTo(outcome);
    }

    @Test
    void exit5_givesDelayAndCookie() {
        assertThat(HelperSubmitter.interpret(5, "3600\ncookie-5\n"))
                .isEqualTo(new SubmitOutcome.Wait("cookie-5", Optional.of(Duration.ofSeconds(3600))));
        assertThat(HelperSubmitter.interpret(5, "soon\ncookie")).isInstanceOf(SubmitOutcome.NeedsGuidance.class);
    }

    @Test
    void exit1_keepsTheCookie_andExit2KeepsTheReason() {
        assertThat(HelperSubmitter.interpret(1, "cookie-1\n")).isEqualTo(new SubmitOutcome.Wait("cookie-1", Optional.empty()));
        assertThat(HelperSubmitter.interpret(2, "denied by policy\n")).isEqualTo(new SubmitOutcome.Rejected("denied by policy"));
    }

    @Test
    void helperProcess_getsCertmongerVariables_andNoShell() throws Exception {
        Path script = dir.resolve("helper.sh");
        Files.writeString(script, "#!/bin/sh\nenv | sort > \"$1\"\necho \"$2\" >> \"$1\"\necho cookie-x\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path out = dir.resolve("env.txt");
        HelperCommand helper = new HelperCommand(script + " " + out + " 'two words'", Map.of("https_proxy", "http://p:3128",
                "SECRET_THING", "x"), dir, Duration.ofSeconds(30));
        KeyPair key = KeySpec.EC_P256.generate(new SecureRandom());
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=h.example.test"))
                .subjectAltNames(List.of(SubjectAltName.dns("h.example.test"), SubjectAltName.ip("192.0.2.7")))
                .build(Signer.of(key.getPrivate(), key.getPublic()));
        CsrTemplate template = new CsrTemplate(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                "caServerCert", "sub-ca", false, -1);

        SubmitOutcome o = new HelperSubmitter(helper).submit(new SubmitRequest("TestCA", csr, template,
                Optional.of("old-cookie"), Optional.empty(), Optional.empty()));

        assertThat(o).isEqualTo(new SubmitOutcome.Wait("cookie-x", Optional.empty()));
        String env = Files.readString(out);
        assertThat(env).contains("CERTMONGER_OPERATION=POLL\n", "CERTMONGER_CA_NICKNAME=TestCA\n",
                "CERTMONGER_CA_COOKIE=old-cookie\n", "CERTMONGER_CA_PROFILE=caServerCert\n", "CERTMONGER_CA_ISSUER=sub-ca\n",
                "CERTMONGER_KEY_TYPE=EC\n", "CERTMONGER_REQ_HOSTNAME=h.example.test\n",
                "CERTMONGER_REQ_IP_ADDRESS=192.0.2.7\n", "CERTMONGER_CSR=-----BEGIN CERTIFICATE REQUEST-----",
                "CERTMONGER_SPKI=", "https_proxy=http://p:3128\n", "PATH=/usr/bin:/bin:/usr/sbin:/sbin\n")
                .doesNotContain("SECRET_THING").doesNotContain("CERTMONGER_CERTIFICATE=").endsWith("two words\n");
    }

    @Test
    void spkac_isPassedToTheHelper_andOpensslVerifiesItsSignature() throws Exception {
        Path script = dir.resolve("spkac.sh");
        Files.writeString(script, "#!/bin/sh\nprintf 'SPKAC=%s\\n' \"$CERTMONGER_SPKAC\" > \"$1\"\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path out = dir.resolve("spkac.txt");
        KeyPair key = KeySpec.EC_P256.generate(new SecureRandom());
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=s.example.test")).build(Signer.of(key.getPrivate(), key.getPublic()));
        new HelperSubmitter(new HelperCommand(script + " " + out, Map.of(), dir, Duration.ofSeconds(30)))
                .submit(new SubmitRequest("TestCA", csr, CsrTemplateFixture.empty(), Optional.empty(), Optional.empty(), Optional.of(key)));

        assertThat(Files.readString(out)).startsWith("SPKAC=MI");
        ProcessResult verify = ProcessRunner.in(dir).run("openssl", "spkac", "-in", out.toString(), "-verify", "-noout");
        assertThat(verify.output()).as(verify.output()).contains("Signature OK");
    }

    @Test
    void issuedOutput_inEveryFormCertmongerAccepts_givesTheLeafAndTheChain() throws Exception {
        KeyPair caKey = KeySpec.EC_P256.generate(new SecureRandom());
        Signer ca = Signer.of(caKey.getPrivate(), caKey.getPublic());
        DistinguishedName caName = DistinguishedName.parse("CN=Helper CA");
        Certificate root = new CertificateBuilder().serial(SerialNumber.random(new SecureRandom())).issuer(caName).subject(caName)
                .validity(Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400)).publicKey(caKey.getPublic())
                .basicConstraints(true, java.util.OptionalInt.empty(), true).build(ca);
        KeyPair leafKey = KeySpec.EC_P256.generate(new SecureRandom());
        Certificate leaf = new CertificateBuilder().serial(SerialNumber.random(new SecureRandom())).issuer(caName)
                .subject(DistinguishedName.parse("CN=leaf.example.test"))
                .validity(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600)).publicKey(leafKey.getPublic()).build(ca);
        SubmitOutcome expected = new SubmitOutcome.Issued(leaf.toPem(), List.of(root.toPem()));

        assertThat(HelperSubmitter.interpret(0, leaf.toPem() + root.toPem())).isEqualTo(expected);
        assertThat(HelperSubmitter.interpret(0, CertificateBundle.toPkcs7Pem(List.of(root, leaf)))).as("PEM PKCS#7, root first")
                .isEqualTo(expected);
        assertThat(HelperSubmitter.interpret(0, CertificateBundle.toPkcs7(List.of(root, leaf)).bytes())).as("DER PKCS#7")
                .isEqualTo(expected);
        assertThat(HelperSubmitter.interpret(0, leaf.toDer().bytes())).as("a DER certificate")
                .isEqualTo(new SubmitOutcome.Issued(leaf.toPem(), List.of()));
        assertThat(HelperSubmitter.interpret(0, new byte[] {0x30, 0x03, 0x02, 0x01})).isInstanceOf(SubmitOutcome.NeedsGuidance.class);
    }

    @Test
    void missingHelper_isUnconfigured_withTheReason() {
        HelperCommand helper = new HelperCommand(dir.resolve("nope") + " -x", Map.of(), dir, Duration.ofSeconds(5));
        KeyPair key = KeySpec.EC_P256.generate(new SecureRandom());
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=x")).build(Signer.of(key.getPrivate(), key.getPublic()));

        SubmitOutcome o = new HelperSubmitter(helper).submit(new SubmitRequest("Gone", csr, CsrTemplateFixture.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(o).isInstanceOf(SubmitOutcome.Unconfigured.class);
        assertThat(((SubmitOutcome.Unconfigured) o).message()).startsWith("Error running enrollment helper \"" + dir.resolve("nope"));
    }

    @Test
    void helperThatHangs_isKilled_andCountsAsUnreachable() throws Exception {
        Path script = dir.resolve("hang.sh");
        Files.writeString(script, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        HelperCommand helper = new HelperCommand(script.toString(), Map.of(), dir, Duration.ofMillis(300));
        KeyPair key = KeySpec.EC_P256.generate(new SecureRandom());
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=x")).build(Signer.of(key.getPrivate(), key.getPublic()));

        SubmitOutcome o = new HelperSubmitter(helper).submit(new SubmitRequest("Slow", csr, CsrTemplateFixture.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(o).isInstanceOf(SubmitOutcome.Unreachable.class);
    }

    static final class CsrTemplateFixture {
        static CsrTemplate empty() {
            return CsrTemplate.empty();
        }
    }
}
