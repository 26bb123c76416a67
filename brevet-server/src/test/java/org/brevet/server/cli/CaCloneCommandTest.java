package org.brevet.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.brevet.pki.Certificate;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.brevet.server.InstanceLayout;
import org.brevet.server.KeyToken;
import org.brevet.server.PasswordFiles;
import org.brevet.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ca export-keys} then {@code ca clone} against a real PostgreSQL, and the ways a clone is refused. */
class CaCloneCommandTest {
    @TempDir
    Path dir;

    private Path master(PostgresFixture.Database db, String name) {
        Path instance = dir.resolve(name);
        Run init = Run.of(new CaCommand(), "init", "--instance", instance.toString(), "--key", "ec:p256",
                "--subject", "CN=" + name + " CA,O=Example", "--bind", "127.0.0.1", "--https-port", "0", "--http-port", "0",
                "--db-url", db.jdbcUrl(), "--db-user", db.user());
        assertThat(init.exitCode()).as(init.err()).isZero();
        return instance;
    }

    private Path export(Path instance, String password) throws Exception {
        Path pw = Files.writeString(dir.resolve(instance.getFileName() + ".pw"), password + "\n");
        Path p12 = dir.resolve(instance.getFileName() + ".p12");
        Run export = Run.of(new CaCommand(), "export-keys", "--instance", instance.toString(), "--out", p12.toString(),
                "--password-file", pw.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        return p12;
    }

    private Run cloneTo(Path target, Path p12, String password, PostgresFixture.Database db) throws Exception {
        Path pw = Files.writeString(dir.resolve("clone-" + target.getFileName() + ".pw"), password + "\n");
        return Run.of(new CaCommand(), "clone", "--instance", target.toString(), "--from-keys", p12.toString(),
                "--password-file", pw.toString(), "--db-url", db.jdbcUrl(), "--db-user", db.user(),
                "--hostname", "node2.example.com", "--bind", "127.0.0.1", "--https-port", "0", "--http-port", "0");
    }

    @Test
    void exportKeys_writesEverySystemKeyButServerCert_encryptedAndOwnerOnly() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        Path master = master(db, "export");
        Path p12 = export(master, "backup-password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
        Pkcs12Store keys = Pkcs12Store.read(p12, Secret.of("backup-password"));
        assertThat(keys.aliases()).as("the KRA's transport and storage keys and the SCEP RA key travel with the CA's")
                .containsExactlyInAnyOrder(KeyToken.CA_SIGNING, KeyToken.SUBSYSTEM, KeyToken.OCSP_SIGNING,
                        KeyToken.AUDIT_SIGNING, org.brevet.kra.KraKeys.TRANSPORT_NICKNAME, org.brevet.kra.KraKeys.STORAGE_NICKNAME,
                        "scepRaCert");
        assertThat(keys.keyEntry(KeyToken.CA_SIGNING).orElseThrow().privateKey())
                .isEqualTo(KeyToken.open(InstanceLayout.of(master)).entry(KeyToken.CA_SIGNING).privateKey());
    }

    @Test
    void clone_importsTheKeys_andIssuesItsOwnServerCertificate() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        Path master = master(db, "master");
        Path p12 = export(master, "backup-password");
        Path clone = dir.resolve("clone");

        Run run = cloneTo(clone, p12, "backup-password", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        KeyToken masterToken = KeyToken.open(InstanceLayout.of(master));
        KeyToken cloneToken = KeyToken.open(InstanceLayout.of(clone));
        for (String nickname : Set.of(KeyToken.CA_SIGNING, KeyToken.SUBSYSTEM, KeyToken.OCSP_SIGNING, KeyToken.AUDIT_SIGNING)) {
            assertThat(cloneToken.entry(nickname).certificate()).isEqualTo(masterToken.entry(nickname).certificate());
        }
        Certificate server = cloneToken.entry(KeyToken.SERVER).certificate();
        assertThat(server).isNotEqualTo(masterToken.entry(KeyToken.SERVER).certificate());
        assertThat(server.verifiedBy(masterToken.caIdentity().certificate().publicKey())).isTrue();
        assertThat(server.subject().commonName()).contains("node2.example.com");
        assertThat(PasswordFiles.readEntry(InstanceLayout.of(clone).passwordFile(), PasswordFiles.INTERNAL_TOKEN).reveal())
                .isNotEqualTo(PasswordFiles.readEntry(InstanceLayout.of(master).passwordFile(), PasswordFiles.INTERNAL_TOKEN)
                        .reveal());
        assertThat(Files.readString(InstanceLayout.of(clone).configFile())).contains("db.url = " + db.jdbcUrl());
    }

    @Test
    void clone_underTheIdOfANodeAlreadyInTheCluster_isRefused() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        Path p12 = export(master(db, "dup"), "backup-password");
        assertThat(cloneTo(dir.resolve("first"), p12, "backup-password", db).exitCode()).isZero();
        try (org.brevet.server.BrevetServer first = org.brevet.server.BrevetServer.start(
                InstanceLayout.of(dir.resolve("first")), java.time.Clock.systemUTC(), new java.security.SecureRandom())) {
            Run second = cloneTo(dir.resolve("second"), p12, "backup-password", db);

            assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(second.err()).isEqualTo("brevet: a node node2.example.com:0 is already in the cluster: give this"
                    + " clone its own --hostname (or --https-port)\n");
            assertNothingLeft(dir.resolve("second"));
        }
    }

    @Test
    void clone_withWrongPassword_failsWithOneLine_andLeavesNothing() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        Path p12 = export(master(db, "pw"), "backup-password");
        Path clone = dir.resolve("clone-pw");

        Run run = cloneTo(clone, p12, "not-the-password", db);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("brevet: " + p12 + ": wrong password (the one given to brevet ca export-keys)\n");
        assertNothingLeft(clone);
    }

    @Test
    void clone_fromAnotherCasKeys_failsWithOneLine_andLeavesNothing() throws Exception {
        PostgresFixture.Database db = PostgresFixture.shared().createDatabase();
        master(db, "right");
        PostgresFixture.Database other = PostgresFixture.shared().createDatabase();
        Path p12 = export(master(other, "other"), "backup-password");
        Path clone = dir.resolve("clone-other");

        Run run = cloneTo(clone, p12, "backup-password", db);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("brevet: the database " + db.jdbcUrl() + " does not belong to the CA of " + p12)
                .contains("CN=other CA").hasLineCount(1);
        assertNothingLeft(clone);
    }

    private void assertNothingLeft(Path clone) throws Exception {
        assertThat(clone).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
        }
    }
}
