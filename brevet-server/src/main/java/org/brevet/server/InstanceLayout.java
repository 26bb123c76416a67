package org.brevet.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an instance keeps its files (Dogtag's {@code /var/lib/pki/<instance>}):
 * <pre>
 * DIR/conf/brevet.conf            typed configuration (docs/CONFIGURATION.md)
 * DIR/conf/password.conf          token PIN: internal=... (0600)
 * DIR/alias/keys.p12              key token: caSigningCert, ocspSigningCert, auditSigningCert, subsystemCert, Server-Cert (0600)
 * DIR/certs/ca.pem                the CA certificate (chain, CA first)
 * DIR/data/                       embedded H2 database
 * DIR/logs/audit/ca_audit         audit trail
 * DIR/admin/ca_admin_cert.p12     the bootstrap administrator's credential (0600)
 * DIR/admin/pkcs12_password.conf  its password (0600)
 * </pre>
 */
public record InstanceLayout(Path root) {
    public InstanceLayout {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public static InstanceLayout of(Path root) {
        return new InstanceLayout(root);
    }

    public Path confDir() {
        return root.resolve("conf");
    }

    public Path configFile() {
        return confDir().resolve("brevet.conf");
    }

    public Path passwordFile() {
        return confDir().resolve("password.conf");
    }

    public Path aliasDir() {
        return root.resolve("alias");
    }

    public Path keyToken() {
        return aliasDir().resolve("keys.p12");
    }

    /** The CA key of an external-CA install between {@code ca init --external-ca} and {@code ca install-cert}. */
    public Path pendingCaKey() {
        return aliasDir().resolve("caSigningCert.pending.key");
    }

    public Path certsDir() {
        return root.resolve("certs");
    }

    public Path caCertificate() {
        return certsDir().resolve("ca.pem");
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path auditDir() {
        return logsDir().resolve("audit");
    }

    public Path adminDir() {
        return root.resolve("admin");
    }

    public Path adminCredential() {
        return adminDir().resolve("ca_admin_cert.p12");
    }

    public Path adminPasswordFile() {
        return adminDir().resolve("pkcs12_password.conf");
    }

    /** Whether an instance (complete or waiting for its external CA certificate) exists here. */
    public boolean exists() {
        return Files.exists(configFile());
    }

    /** Whether the instance is complete: configuration and key token. */
    public boolean isInstalled() {
        return exists() && Files.exists(keyToken());
    }

    /** Whether the instance waits for {@code ca install-cert}. */
    public boolean awaitsCaCertificate() {
        return exists() && Files.exists(pendingCaKey()) && !Files.exists(keyToken());
    }
}
