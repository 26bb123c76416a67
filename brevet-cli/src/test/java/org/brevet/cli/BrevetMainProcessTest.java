package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BrevetMain} as a separate JVM: the process exit code and standard error are what users see. */
class BrevetMainProcessTest {
    @TempDir
    Path dir;

    private ProcessResult brevet(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] cmd = new String[args.length + 4];
        cmd[0] = java;
        cmd[1] = "-cp";
        cmd[2] = System.getProperty("java.class.path");
        cmd[3] = BrevetMain.class.getName();
        System.arraycopy(args, 0, cmd, 4, args.length);
        return ProcessRunner.in(dir).timeout(Duration.ofSeconds(60)).run(cmd);
    }

    @Test
    void unreachableServer_exitCode3_oneLineNoStackTrace() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessResult r = brevet("ca-cert", "--url", "https://127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("brevet: cannot connect to 127.0.0.1:" + port + ": connection refused\n");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void help_listsTheExitCodes_andExits0() {
        ProcessResult r = brevet("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Exit codes:", "  4   the request is still pending after --wait",
                "cert ", "request ", "user ", "profile ", "ca-cert ");
    }

    @Test
    void noCommand_exits2_namingTheCommands() {
        ProcessResult r = brevet();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("brevet: 'brevet' needs a subcommand: cert, request, user, profile, ca-cert,"
                + " crl, kra, scep, cmc-response, ca, serve, quickstart, audit (see 'brevet --help')\n");
    }

    @Test
    void unknownCommand_exits2_withOneLine() {
        ProcessResult r = brevet("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("brevet: Unmatched argument at index 0: 'frobnicate'");
        assertThat(r.stderr().lines()).hasSize(1);
    }
}
