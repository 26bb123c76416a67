package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GlobalOptionsTest {
    @TempDir
    Path tmp;

    private static Session parse(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Session s = new Session(sink, Clock.systemUTC(), d -> { }, new SecureRandom(), x -> {
            throw new AssertionError("no connection in parsing tests");
        });
        Brevet.commandLine(s, sink, sink).parseArgs(args);
        return s;
    }

    @Test
    void connectionOptions_beforeOrAfterTheSubcommand_giveTheSameSettings() {
        String[] conn = {"--url", "https://ca.example:9443", "--p12", "/a.p12", "--p12-password-file", "/pw", "--ca-cert", "/ca.pem"};
        ConnectionSettings before = parse(concat(conn, "cert", "find")).options().connection();
        ConnectionSettings after = parse(concat(new String[] {"cert", "find"}, conn)).options().connection();
        ConnectionSettings middle = parse("cert", "--url", "https://ca.example:9443", "--p12", "/a.p12", "find",
                "--p12-password-file", "/pw", "--ca-cert", "/ca.pem").options().connection();
        ConnectionSettings expected = new ConnectionSettings(URI.create("https://ca.example:9443"),
                Optional.of(Path.of("/a.p12")), Optional.of(Path.of("/pw")), Optional.of(Path.of("/ca.pem")));
        assertThat(before).isEqualTo(expected);
        assertThat(after).isEqualTo(expected);
        assertThat(middle).isEqualTo(expected);
    }

    @Test
    void pemClientCredential_replacesTheInstancesAdministrator_andComesInPairs() throws Exception {
        Path inst = instance("https.port = 9444\n");
        ConnectionSettings s = parse("--instance", inst.toString(), "cert", "find", "--client-cert", "/host.crt",
                "--client-key", "/host.key").options().connection();
        assertThat(s.pem()).contains(new ConnectionSettings.PemCredential(Path.of("/host.crt"), Path.of("/host.key")));
        assertThat(s.pkcs12()).as("the host's own certificate, not the administrator's").isEmpty();
        assertThat(s.caCert()).contains(inst.resolve("certs/ca.pem"));

        assertThatThrownBy(() -> parse("cert", "find", "--client-cert", "/host.crt").options().connection())
                .hasMessage("--client-cert needs --client-key");
        assertThatThrownBy(() -> parse("cert", "find", "--client-cert", "/h.crt", "--client-key", "/h.key", "--p12", "/a.p12",
                "--p12-password-file", "/pw").options().connection())
                .hasMessageContaining("two credentials");
    }

    @Test
    void outputOption_afterAMethodSubcommand_isJson() {
        assertThat(parse("request", "list", "-o", "json").options().format()).isEqualTo(OutputFormat.json);
        assertThat(parse("--output", "JSON", "profile", "show", "x").options().format()).isEqualTo(OutputFormat.json);
        assertThat(parse("profile", "list").options().format()).isEqualTo(OutputFormat.text);
    }

    @Test
    void noOptions_defaultToLocalhost8443Anonymous() {
        assertThat(parse("ca-cert").options().connection()).isEqualTo(new ConnectionSettings(
                URI.create("https://localhost:8443"), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void instance_givesUrlCredentialAndTrustAnchor_fromItsFiles() throws Exception {
        Path inst = instance("https.port = 9444\nhttp.port = 9080\n");
        ConnectionSettings s = parse("cert", "find", "--instance", inst.toString()).options().connection();
        assertThat(s).isEqualTo(new ConnectionSettings(URI.create("https://localhost:9444"),
                Optional.of(inst.resolve("admin/ca_admin_cert.p12")), Optional.of(inst.resolve("admin/pkcs12_password.conf")),
                Optional.of(inst.resolve("certs/ca.pem"))));
    }

    @Test
    void instance_withExplicitOptions_explicitOnesWin() throws Exception {
        Path inst = instance("https.port = 9444\n");
        ConnectionSettings s = parse("--instance", inst.toString(), "cert", "find", "--url", "https://other:1",
                "--ca-cert", "/x.pem").options().connection();
        assertThat(s.url()).isEqualTo(URI.create("https://other:1"));
        assertThat(s.caCert()).contains(Path.of("/x.pem"));
        assertThat(s.pkcs12()).contains(inst.resolve("admin/ca_admin_cert.p12"));
    }

    @Test
    void instance_thatIsNoDirectory_isALocalError() {
        assertThatThrownBy(() -> parse("--instance", tmp.resolve("nope").toString(), "ca-cert").options().connection())
                .isInstanceOf(BrevetException.class).hasMessageContaining("not a directory");
    }

    @Test
    void httpsPort_inTheSpellingsAConfigMayUse_isFound() {
        assertThat(InstanceDirectory.httpsPort(List.of("# comment", "https.port = 8444"))).isEqualTo(8444);
        assertThat(InstanceDirectory.httpsPort(List.of("server.https.port=8445"))).isEqualTo(8445);
        assertThat(InstanceDirectory.httpsPort(List.of("httpsPort: 8446"))).isEqualTo(8446);
        assertThat(InstanceDirectory.httpsPort(List.of("http:", "  port: 8080", "https:", "  port: 8447"))).isEqualTo(8447);
        assertThat(InstanceDirectory.httpsPort(List.of("http.port = 8080", "db.url = jdbc:h2:x"))).isEqualTo(8443);
        assertThat(InstanceDirectory.httpsPort(List.of("https:", "  host: x", "other:", "  port: 1"))).isEqualTo(8443);
    }

    @Test
    void host_isLocalhostUnlessTheServerCertNamesOnlyOthers() {
        assertThat(InstanceDirectory.host(List.of("server.https.port = 8443"))).isEqualTo("localhost");
        assertThat(InstanceDirectory.host(List.of("server.hostnames = ca.example.com, localhost"))).isEqualTo("localhost");
        assertThat(InstanceDirectory.host(List.of("server.hostnames = ca.example.com, ca2.example.com"))).isEqualTo("ca.example.com");
    }

    @Test
    void instance_asTheServerWritesIt_givesHostAndPort() throws Exception {
        Path inst = instance("server.bind = 127.0.0.1\nserver.hostnames = ca.example.com\nserver.https.port = 9555\n");
        assertThat(parse("--instance", inst.toString(), "ca-cert").options().connection().url())
                .isEqualTo(URI.create("https://ca.example.com:9555"));
    }

    @Test
    void p12WithoutPasswordFile_isAUsageError() {
        assertThatThrownBy(() -> parse("ca-cert", "--p12", "/a.p12").options().connection())
                .isInstanceOf(BrevetException.class).hasMessage("--p12 needs --p12-password-file");
    }

    @Test
    void plainHttpUrl_isRefused() {
        assertThatThrownBy(() -> parse("ca-cert", "--url", "http://localhost:8080").options().connection())
                .isInstanceOf(BrevetException.class).hasMessageContaining("https://");
    }

    @Test
    void unknownOption_isRejectedByThePicocliParser() {
        assertThatThrownBy(() -> parse("cert", "find", "--bogus")).isInstanceOf(CommandLine.ParameterException.class);
    }

    /** brevet-server's `serve` is registered with its own --instance, which must not collide with the global one. */
    @Test
    void serverCommandWithItsOwnInstanceOption_isRegistered_andKeepsItsValue() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Session s = new Session(sink, Clock.systemUTC(), d -> { }, new SecureRandom(), x -> null);
        CommandLine cl = Brevet.commandLine(s, sink, sink);
        CommandLine.ParseResult parsed = cl.parseArgs("--instance", "/root-level", "serve", "--instance", "/srv/ca");
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
        assertThat(parsed.subcommand().matchedOption("--instance").getValue().toString()).isEqualTo("/srv/ca");
        assertThat(s.options().instance).isEqualTo(Path.of("/root-level"));
    }

    @Test
    void exitCodeDocumentation_keepsTheServerCommandsOwnCodes() {
        CommandLine root = new CommandLine(new Serve());
        CommandLine own = new CommandLine(new OwnCodes());
        root.addSubcommand("init", own);
        Brevet.documentExitCodes(root);
        assertThat(root.getCommandSpec().usageMessage().exitCodeList()).containsKey("4");
        assertThat(own.getCommandSpec().usageMessage().exitCodeList()).containsOnlyKeys("0", "7");
    }

    @CommandLine.Command(name = "init", exitCodeList = {"0:ok", "7:own code"})
    static final class OwnCodes {
    }

    @CommandLine.Command(name = "serve")
    static final class Serve {
        @CommandLine.Option(names = "--instance")
        String instance;

        @CommandLine.Option(names = "-o")
        String output;
    }

    private Path instance(String conf) throws Exception {
        Path inst = tmp.resolve("inst");
        Files.createDirectories(inst.resolve("conf"));
        Files.writeString(inst.resolve("conf/brevet.conf"), conf);
        return inst;
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
