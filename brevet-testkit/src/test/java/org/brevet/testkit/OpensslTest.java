package org.brevet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.brevet.pki.Csr;
import org.brevet.pki.KeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpensslTest {
    @TempDir
    Path dir;

    @Test
    void newEcCsr_producesACsrBrevetVerifies() throws Exception {
        Openssl openssl = new Openssl(dir);
        assertThat(openssl.version()).startsWith("OpenSSL");
        openssl.newEcCsr("k.pem", "r.pem", "/CN=testkit", "P-256");
        Csr csr = Csr.parse(Files.readAllBytes(dir.resolve("r.pem")));
        csr.verifySignature();
        assertThat(csr.keySpec()).isEqualTo(KeySpec.EC_P256);
        assertThat(openssl.reqText("r.pem")).contains("CN = testkit");
    }

    @Test
    void run_failingCommand_reportsExitCodeAndAssertSuccessFails() {
        ProcessResult r = new Openssl(dir).run("x509", "-in", "missing.pem");
        assertThat(r.isSuccess()).isFalse();
        assertThatThrownBy(r::assertSuccess).isInstanceOf(AssertionError.class).hasMessageContaining("missing.pem");
    }

    @Test
    void processRunner_passesStdinAndEnvironment() {
        ProcessResult r = ProcessRunner.in(dir).env("GREETING", "hi").stdin("from stdin")
                .run("sh", "-c", "printf '%s ' \"$GREETING\"; cat").assertSuccess();
        assertThat(r.stdout()).isEqualTo("hi from stdin");
    }

    @Test
    void processRunner_missingProgram_failsInsteadOfSkipping() {
        assertThatThrownBy(() -> ProcessRunner.in(dir).run("no-such-program-brevet"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not installed");
    }

    @Test
    void processRunner_timeout_killsAndFails() {
        assertThatThrownBy(() -> ProcessRunner.in(dir).timeout(Duration.ofMillis(300)).run("sleep", "30"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not finish");
    }
}
