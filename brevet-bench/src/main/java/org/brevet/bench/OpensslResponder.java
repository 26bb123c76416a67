package org.brevet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brevet.testkit.ProcessRunner;

/**
 * OpenSSL's own OCSP responder ({@code openssl ocsp -port}) over a minimal {@code openssl ca} directory with
 * an EC P-256 CA, a delegated responder certificate and one leaf, as ../shared/reference/peer-tools.md §3
 * sets it up. The responder binds every address, so it runs in a private network namespace that has only
 * loopback; clients must run in that namespace too ({@link #inNamespace}).
 */
final class OpensslResponder implements AutoCloseable {
    static final int PORT = 8890;
    private static final String CA_CONFIG = """
            [ ca ]
            default_ca = CA_default
            [ CA_default ]
            dir = %s
            database = $dir/index.txt
            new_certs_dir = $dir/newcerts
            certificate = $dir/ca.pem
            private_key = $dir/ca.key
            serial = $dir/serial
            default_md = sha256
            default_days = 365
            policy = policy_any
            unique_subject = no
            copy_extensions = copy
            x509_extensions = leaf_ext
            [ policy_any ]
            commonName = supplied
            [ leaf_ext ]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = serverAuth,clientAuth
            [ ocsp_ext ]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = critical,OCSPSigning
            """;

    private final Path dir;
    private final String namespace;
    private final ProcessRunner sh;
    private Process responder;

    private OpensslResponder(Path dir, String namespace, ProcessRunner sh) {
        this.dir = dir;
        this.namespace = namespace;
        this.sh = sh;
    }

    /** Builds the CA directory, creates the namespace and starts the responder; returns once it answers. */
    static OpensslResponder start(Path dir, String namespace) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("newcerts"));
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("serial"), "1000\n");
        Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG.formatted(dir));
        ProcessRunner sh = ProcessRunner.in(dir).timeout(Duration.ofMinutes(5));
        sh.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "3650",
                "-subj", "/CN=OpenSSL Bench EC CA", "-keyout", "ca.key", "-out", "ca.pem",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign").assertSuccess();
        for (String name : List.of("leaf", "ocsp")) {
            sh.run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-subj", "/CN=" + name + ".bench.example", "-keyout", name + ".key", "-out", name + ".csr").assertSuccess();
            sh.run("openssl", "ca", "-batch", "-config", "ca.cnf", "-notext", "-extensions", name + "_ext",
                    "-in", name + ".csr", "-out", name + ".pem").assertSuccess();
        }
        sh.run("ip", "netns", "add", namespace).assertSuccess();
        OpensslResponder r = new OpensslResponder(dir, namespace, sh);
        try {
            sh.run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up").assertSuccess();
            r.responder = new ProcessBuilder("ip", "netns", "exec", namespace, "openssl", "ocsp", "-index", "index.txt",
                    "-port", Integer.toString(PORT), "-rsigner", "ocsp.pem", "-rkey", "ocsp.key", "-CA", "ca.pem",
                    "-nmin", "60").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("responder.log").toFile()).start();
            r.awaitAnswer();
            return r;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            r.close();
            throw e;
        }
    }

    /** A client command run inside the responder's namespace. */
    List<String> inNamespace() {
        return List.of("ip", "netns", "exec", namespace);
    }

    Path dir() {
        return dir;
    }

    String url() {
        return "http://127.0.0.1:" + PORT + "/";
    }

    private void awaitAnswer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!responder.isAlive()) {
                throw new IllegalStateException("openssl ocsp exited; see " + dir.resolve("responder.log"));
            }
            String out = sh.timeout(Duration.ofSeconds(10)).run("ip", "netns", "exec", namespace, "openssl", "ocsp",
                    "-issuer", "ca.pem", "-cert", "leaf.pem", "-url", url(), "-CAfile", "ca.pem", "-timeout", "5").output();
            if (out.contains("leaf.pem: good")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("openssl ocsp did not answer within 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        if (responder != null) {
            responder.descendants().forEach(ProcessHandle::destroyForcibly);
            responder.destroyForcibly();
            responder.waitFor(10, TimeUnit.SECONDS);
        }
        sh.run("ip", "netns", "delete", namespace);
    }
}
