package org.brevet.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {
    private static final Path BASE = Path.of("/srv/ca");

    private static BrevetConfig parse(String text) {
        return ConfigFile.parse(text, "brevet.conf", BASE);
    }

    @Test
    void emptyFile_givesDocumentedDefaults() {
        BrevetConfig c = parse("# nothing\n\n");

        assertThat(c.server()).isEqualTo(new BrevetConfig.Server("0.0.0.0", List.of("localhost"), 8443, 8080, 200));
        assertThat(c.database()).isEqualTo(new BrevetConfig.Database(Optional.empty(), Optional.empty(), Optional.empty(), 16));
        assertThat(c.database().isEmbedded()).isTrue();
        assertThat(c.status()).isEqualTo(new BrevetConfig.Status(240, false, 15, 0, true, false, 240, List.of()));
    }

    @Test
    void crlAndOcspKeys_areRead_andRenderedBack() {
        BrevetConfig c = parse("""
                crl.update.minutes = 60
                crl.delta.enabled = true
                crl.delta.update.minutes = 5
                crl.expired.keep.days = 7
                ocsp.nonces = false
                ocsp.signer = caSigningCert
                ocsp.validity.minutes = 30
                crl.update.times = 13:30, 1:00
                """);
        assertThat(c.status()).isEqualTo(new BrevetConfig.Status(60, true, 5, 7, false, true, 30,
                List.of(java.time.LocalTime.of(13, 30), java.time.LocalTime.of(1, 0))));
        assertThat(parse(ConfigFile.render(c))).isEqualTo(c);
    }

    @Test
    void kraRecoveryApprovals_defaultsToOne_isRead_andRenderedBack() {
        assertThat(parse("").kra().recoveryApprovals()).isEqualTo(1);
        BrevetConfig c = parse("kra.recovery.approvals = 3\n");

        assertThat(c.kra().recoveryApprovals()).isEqualTo(3);
        assertThat(parse(ConfigFile.render(c))).isEqualTo(c);
        assertThatThrownBy(() -> parse("kra.recovery.approvals = 0\n"))
                .hasMessageContaining("kra.recovery.approvals").hasMessageContaining("from 1 to 100");
    }

    @Test
    void badTimeOfDay_namesTheKey() {
        assertThatThrownBy(() -> parse("crl.update.times = 25:00\n"))
                .hasMessageContaining("crl.update.times").hasMessageContaining("25:00");
    }

    @Test
    void everyKey_isRead() {
        BrevetConfig c = parse("""
                server.bind = 127.0.0.1
                server.hostnames = ca.example.com, localhost
                server.https.port = 9443
                server.http.port = 9080
                server.threads.max = 64
                db.url = jdbc:postgresql://db.example.com/brevet
                db.user = brevet
                db.password.file = conf/db.password
                db.pool.max = 32
                """);

        assertThat(c.server()).isEqualTo(new BrevetConfig.Server("127.0.0.1", List.of("ca.example.com", "localhost"), 9443, 9080, 64));
        assertThat(c.server().primaryHostname()).isEqualTo("ca.example.com");
        assertThat(c.database().url()).contains("jdbc:postgresql://db.example.com/brevet");
        assertThat(c.database().user()).contains("brevet");
        assertThat(c.database().passwordFile()).contains(Path.of("/srv/ca/conf/db.password"));
        assertThat(c.database().maxPoolSize()).isEqualTo(32);
    }

    @Test
    void render_thenParse_givesTheSameConfig() {
        BrevetConfig c = parse("server.hostnames = a.example.com,b.example.com\ndb.url = jdbc:h2:/tmp/x\ndb.user = sa\n");

        assertThat(parse(ConfigFile.render(c))).isEqualTo(c);
        assertThat(parse(ConfigFile.render(parse("")))).isEqualTo(parse(""));
    }

    @Test
    void unknownKey_isOneErrorNamingIt() {
        assertThatThrownBy(() -> parse("server.htps.port = 8443\n"))
                .isInstanceOf(BrevetException.class)
                .hasMessageStartingWith("brevet.conf: server.htps.port: unknown key (known keys: server.bind,")
                .extracting(e -> ((BrevetException) e).kind()).isEqualTo(ErrorKind.MALFORMED);
    }

    @ParameterizedTest(name = "fail: {0}")
    @CsvSource(delimiter = '|', value = {
        "db.url = mysql://x                | brevet.conf: db.url: must start with jdbc:h2: or jdbc:postgresql:",
        "server.https.port = 70000         | brevet.conf: server.https.port: must be a whole number from 0 to 65535, got '70000'",
        "server.http.port = eighty         | brevet.conf: server.http.port: must be a whole number from 0 to 65535, got 'eighty'",
        "server.threads.max = 2            | brevet.conf: server.threads.max: must be a whole number from 8 to 10000, got '2'",
        "server.hostnames = ca.example.com, bad_host | brevet.conf: server.hostnames: not a host name: 'bad_host'",
        "server.bind = any thing           | brevet.conf: server.bind: not an IP address or host name: 'any thing'",
        "db.url = jdbc:postgresql://db/x   | brevet.conf: db.user: required with a PostgreSQL db.url",
        "db.pool.max = 0                   | brevet.conf: db.pool.max: must be a whole number from 1 to 500, got '0'",
        "crl.delta.enabled = yes           | brevet.conf: crl.delta.enabled: must be true or false, got 'yes'",
        "ocsp.signer = auditSigningCert    | brevet.conf: ocsp.signer: must be ocspSigningCert or caSigningCert, got 'auditSigningCert'",
        "ocsp.validity.minutes = 1         | brevet.conf: ocsp.validity.minutes: must be a whole number from 2 to 10080, got '1'",
        "just some words                   | brevet.conf: line 1: expected 'key = value', got 'just some words'"})
    void badValue_isOneErrorNamingTheKey(String line, String message) {
        assertThatThrownBy(() -> parse(line + "\n")).isInstanceOf(BrevetException.class).hasMessage(message);
    }

    @Test
    void sameKeyTwice_isAnError() {
        assertThatThrownBy(() -> parse("db.pool.max = 4\ndb.pool.max = 5\n"))
                .hasMessage("brevet.conf: db.pool.max: set twice (line 2)");
    }

    @Test
    void samePortForBothListeners_isAnError() {
        assertThatThrownBy(() -> parse("server.https.port = 9000\nserver.http.port = 9000\n"))
                .hasMessage("brevet.conf: server.http.port: must differ from server.https.port");
    }

    @Test
    void readMissingFile_isNotFoundNamingIt() {
        assertThatThrownBy(() -> ConfigFile.read(Path.of("/nonexistent/brevet.conf"), BASE))
                .hasMessage("/nonexistent/brevet.conf: no such file")
                .extracting(e -> ((BrevetException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }
}
