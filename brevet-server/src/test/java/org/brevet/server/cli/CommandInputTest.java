package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad local input is one line on stderr and exit code 2, and creates nothing. */
class CommandInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "fail: {0}")
    @CsvSource(delimiter = '|', value = {
        "--key rsa:1024                 | brevet: --key: must be one of rsa:2048, rsa:3072, rsa:4096, ec:p256, ec:p384",
        "--https-port 99999             | brevet: --https-port: must be a whole number from 0 to 65535, got '99999'",
        "--hostname bad_name            | brevet: --hostname: not a host name: 'bad_name'",
        "--db-url mysql://db            | brevet: --db-url: must start with jdbc:h2: or jdbc:postgresql:",
        "--db-user bob                  | brevet: --db-user and --db-password-file need --db-url",
        "--external-ca                  | brevet: --external-ca and --csr-out go together",
        "--subject O=Example            | brevet: --subject: must name the CA with a CN attribute"})
    void caInit_withBadOption_isOneLineAndExit2(String options, String message) {
        Path instance = dir.resolve("ca");
        String[] args = ("--instance " + instance + " " + options).split(" ");

        Run run = Run.of(new CaCommand(), prepend("init", args));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo(message + System.lineSeparator());
        assertThat(instance).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void caInit_intoNonEmptyDirectory_isRefused() throws Exception {
        Files.writeString(dir.resolve("ca").toFile().mkdirs() ? dir.resolve("ca/notes.txt") : dir.resolve("x"), "mine");

        Run run = Run.of(new CaCommand(), "init", "--instance", dir.resolve("ca").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("brevet: " + dir.resolve("ca") + " exists and is not empty" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("ca/notes.txt"))).isEqualTo("mine");
    }

    @Test
    void serve_withoutInstance_isOneLineAndExit2() {
        Run run = Run.of(new ServeCommand(), "--instance", dir.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("brevet: no instance at " + dir.resolve("none")
                + " (create one with brevet ca init)" + System.lineSeparator());
    }

    @Test
    void installCert_withoutWaitingInstance_isOneLineAndExit2() throws Exception {
        Path cert = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

        Run run = Run.of(new CaCommand(), "install-cert", "--instance", dir.resolve("none").toString(), "--cert", cert.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("brevet: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void caWithoutSubcommand_printsUsageAndExit2() {
        Run run = Run.of(new CaCommand());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("init").contains("install-cert");
    }

    @Test
    void help_documentsExitCodes() {
        Run run = Run.of(new ServeCommand(), "--help");

        assertThat(run.out()).contains("Exit codes:").contains("3   database unreachable");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
