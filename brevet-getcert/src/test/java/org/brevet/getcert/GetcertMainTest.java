package org.brevet.getcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetcertMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Optional<String> forced, String... args) {
        return GetcertMain.run(args, forced, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void daemonNotRunning_printsOneLine_andExits1() {
        int rc = run(Optional.empty(), "list", "--socket", dir.resolve("nothing-here").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("cannot connect to the tracker daemon")
                .doesNotContain("Exception");
    }

    @Test
    void unknownOption_exits1_withCertmongerLikeMessage() {
        int rc = run(Optional.empty(), "list", "-q");

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown option: '-q'");
    }

    @Test
    void sameFileForKeyAndCertificate_isRefusedBeforeContactingTheDaemon() {
        String f = dir.resolve("x.pem").toString();

        int rc = run(Optional.empty(), "request", "-k", f, "-f", f, "--socket", dir.resolve("s").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Key and certificate can not both be saved to the same file.");
    }

    @Test
    void certificateInMissingDirectory_isRefused() {
        int rc = run(Optional.empty(), "request", "-k", dir.resolve("k.pem").toString(), "-f",
                dir.resolve("missing/c.pem").toString(), "--socket", dir.resolve("s").toString());

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void selfsignWrapper_hasNoCaManagementCommands_andRejectsDashC() {
        assertThat(run(Optional.of("SelfSign"), "add-ca", "-c", "X", "-e", "/bin/true")).isEqualTo(1);
        assertThat(err.toString()).contains("add-ca");

        int rc = run(Optional.of("SelfSign"), "request", "-c", "local", "-k", dir.resolve("k").toString(), "-f",
                dir.resolve("c").toString(), "--socket", dir.resolve("s").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("unrecognized option -c");
    }

    @Test
    void status_withoutSelection_isAnError() {
        assertThat(run(Optional.empty(), "status", "--socket", dir.resolve("s").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("None of database directory and nickname or certificate file specified.");
    }
}
