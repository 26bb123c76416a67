package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.brevet.pki.Certificate;
import org.brevet.pki.KeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop (SIGTERM) lets a request already in progress finish and answer before the server goes away. */
class GracefulStopTest {
    @TempDir
    Path dir;

    @Test
    void close_waitsForTheRequestInProgress() throws Exception {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        BrevetServer server = BrevetServer.start(layout, Clock.systemUTC(), new SecureRandom());
        String body = "{\"profileId\":\"caServerCert\",\"csr\":\"garbage\"}";
        try (SSLSocket socket = (SSLSocket) tls(layout).getSocketFactory().createSocket("127.0.0.1", server.httpsPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ca/rest/certrequests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitRequestInProgress(server);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            assertThat(stopping).as("the stop waits for the request").isNotDone();

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null && !line.startsWith("{"); ) {
                rest.append(line).append('\n');
            }
            assertThat(status).as(rest.toString()).isEqualTo("HTTP/1.1 400 Bad Request");
            stopping.get(BrevetServer.GRACE_MILLIS + 5_000, TimeUnit.MILLISECONDS);
        } finally {
            server.close();
        }
    }

    /** Bounded wait until the server has started handling the request (it then waits for the rest of the body). */
    private static void awaitRequestInProgress(BrevetServer server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.requestsInProgress() == 0) {
            assertThat(System.nanoTime()).as("request in progress within 30 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static SSLContext tls(InstanceLayout layout) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Certificate.parse(Files.readString(layout.caCertificate())).toX509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
