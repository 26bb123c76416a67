package org.brevet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brevet.testkit.Openssl;

/**
 * TLS material made by the real {@code openssl} for the fake server and the CLI: a test CA, a server
 * certificate for localhost/127.0.0.1, one for another host name, and a client credential as PKCS#12.
 */
final class TestPkiFiles {
    static final String P12_PASSWORD = "client-pw";
    static final String SERVER_P12_PASSWORD = "server-pw";
    static final String CLIENT_SUBJECT = "CN=agent007,O=Brevet Test";

    final Path dir;
    final Openssl openssl;

    private TestPkiFiles(Path dir) {
        this.dir = dir;
        this.openssl = new Openssl(dir);
    }

    /** Creates everything in {@code dir}. */
    static TestPkiFiles create(Path dir) throws Exception {
        TestPkiFiles f = new TestPkiFiles(dir);
        Openssl o = f.openssl;
        o.ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-subj", "/O=Brevet Test/CN=Test CA", "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        f.issue("server", "/CN=localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        f.issue("otherhost", "/CN=other.example", "subjectAltName=DNS:other.example");
        f.issue("client", "/O=Brevet Test/CN=agent007", "extendedKeyUsage=clientAuth");
        o.ok("pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-out", "server.p12",
                "-passout", "pass:" + SERVER_P12_PASSWORD, "-name", "Server-Cert");
        o.ok("pkcs12", "-export", "-in", "otherhost.pem", "-inkey", "otherhost.key", "-out", "otherhost.p12",
                "-passout", "pass:" + SERVER_P12_PASSWORD, "-name", "Server-Cert");
        o.ok("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                "-passout", "pass:" + P12_PASSWORD, "-name", "agent007");
        Files.writeString(dir.resolve("client-pw.txt"), P12_PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong-pw.txt"), "not-the-password\n");
        return f;
    }

    private void issue(String name, String subject, String extension) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl.ok("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl.ok("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-out", name + ".pem", "-extfile", name + ".ext");
    }

    Path path(String name) {
        return dir.resolve(name);
    }
}
