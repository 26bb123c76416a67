package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.brevet.server.BrevetServer;
import org.brevet.server.InstanceLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuickstartCommandTest {
    @TempDir
    Path dir;

    private QuickstartCommand command(String... args) {
        QuickstartCommand command = new QuickstartCommand(Clock.systemUTC(), new SecureRandom());
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void firstRun_createsALocalInstanceAndPrintsWhereEverythingIs() throws Exception {
        Path instance = dir.resolve("brevet-data");
        StringWriter out = new StringWriter();

        try (BrevetServer server = command("--dir", instance.toString(), "--https-port", "0", "--http-port", "0")
                .start(new PrintWriter(out))) {
            String printed = out.toString();
            assertThat(printed).contains("Creating a CA instance in " + instance)
                    .contains("https://localhost:" + server.httpsPort() + "/")
                    .contains("http://localhost:" + server.httpPort() + "/")
                    .contains(instance.resolve("admin/ca_admin_cert.p12").toString())
                    .contains(instance.resolve("admin/pkcs12_password.conf").toString());
        }
        String conf = Files.readString(InstanceLayout.of(instance).configFile());
        assertThat(conf).contains("server.bind = 127.0.0.1").contains("server.hostnames = localhost");
    }

    @Test
    void secondRun_servesTheSameInstanceWithoutCreatingIt() throws Exception {
        Path instance = dir.resolve("brevet-data");
        command("--dir", instance.toString(), "--https-port", "0", "--http-port", "0")
                .start(new PrintWriter(new StringWriter())).close();
        byte[] token = Files.readAllBytes(InstanceLayout.of(instance).keyToken());
        StringWriter out = new StringWriter();

        command("--dir", instance.toString()).start(new PrintWriter(out)).close();

        assertThat(out.toString()).doesNotContain("Creating");
        assertThat(Files.readAllBytes(InstanceLayout.of(instance).keyToken())).isEqualTo(token);
    }

    @Test
    void defaultDirectory_isBrevetDataInTheWorkingDirectory() {
        assertThat(command().dir).isEqualTo(Path.of("brevet-data"));
    }
}
