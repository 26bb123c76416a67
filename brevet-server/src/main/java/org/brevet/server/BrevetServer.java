package org.brevet.server;

import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.brevet.ca.Authority;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.RevocationAuthority;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.http.ApiServices;
import org.brevet.http.HttpApi;
import org.brevet.http.StatusServices;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.protocol.scep.RaKey;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running CA: the authority over its database, the HTTPS listener (every route) and the plain HTTP
 * listener (public routes), both bound to {@code server.bind}. {@link #close} stops both listeners, then
 * closes the audit log and the connection pool; it is idempotent and safe from a shutdown hook.
 */
public final class BrevetServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrevetServer.class);
    /** Worker threads of the plain HTTP listener (CA certificate and health only). */
    private static final int HTTP_THREADS = 16;
    /** How long a stop waits for requests in progress (an issuance finishing its commit) before closing. */
    static final long GRACE_MILLIS = 10_000;

    private final CaRuntime runtime;
    private final Javalin https;
    private final Javalin http;
    private final BrevetConfig config;
    private final CrlSchedule crlSchedule;
    private final java.util.Optional<org.brevet.kra.Kra> kra;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private BrevetServer(CaRuntime runtime, Javalin https, Javalin http, BrevetConfig config, CrlSchedule crlSchedule,
            java.util.Optional<org.brevet.kra.Kra> kra) {
        this.kra = kra;
        this.runtime = runtime;
        this.https = https;
        this.http = http;
        this.config = config;
        this.crlSchedule = crlSchedule;
    }

    /**
     * Loads and validates the instance's configuration, opens its key token and database, and starts both
     * listeners. Fails with NOT_FOUND (no instance), MALFORMED (bad configuration or token), UNAVAILABLE
     * (database unreachable, port in use), each with one line of detail.
     */
    public static BrevetServer start(InstanceLayout layout, Clock clock, SecureRandom random) {
        if (!layout.isInstalled()) {
            throw new BrevetException(ErrorKind.NOT_FOUND, layout.awaitsCaCertificate()
                    ? "instance " + layout.root() + " waits for its CA certificate (brevet ca install-cert)"
                    : "no instance at " + layout.root() + " (create one with brevet ca init)");
        }
        BrevetConfig config = ConfigFile.read(layout.configFile(), layout.root());
        KeyToken token = KeyToken.open(layout);
        CaIdentity identity = token.caIdentity();
        Pkcs12Store.KeyEntry serverCert = token.entry(KeyToken.SERVER);
        AuditSigning auditSigning = AuditSigning.signedBy(token.entry(KeyToken.AUDIT_SIGNING).signer());
        Pkcs12Store.KeyEntry ocsp = token.entry(KeyToken.OCSP_SIGNING);
        OcspSigning ocspSigning = config.status().ocspSignedByCaKey() ? OcspSigning.caKey(identity)
                : OcspSigning.delegated(identity, ocsp.signer(), ocsp.certificate());
        CaRuntime runtime = CaRuntime.open(layout, config, identity, auditSigning, ocspSigning, clock, random);
        Javalin https = null;
        try {
            RaKey scepRa = ScepRaCertificate.ensure(layout, token, runtime.authority(), identity, random);
            HttpApi caApi = new HttpApi(services(runtime), status(runtime), clock)
                    .withScep(runtime.scep(config, scepRa, identity, clock, random))
                    .withCmc(new org.brevet.ca.cmc.CmcService(runtime.authority().enrollment(),
                            runtime.authority().authentication(), identity, runtime.audit(), clock));
            java.util.Optional<org.brevet.kra.Kra> kra = KraWiring.open(token, runtime, identity, config, clock, random);
            HttpApi api = kra
                    .map(k -> caApi.withKra(new org.brevet.http.KraServices(k.recovery(), k.archive().transportCertificate(),
                            () -> runtime.kraStores().keys().certificate(org.brevet.kra.KraKeys.TRANSPORT_NICKNAME))))
                    .orElse(caApi);
            BrevetConfig.Server s = config.server();
            https = Javalin.create(c -> {
                api.configureSecure(c);
                c.jetty.threadPool = pool("brevet-https", s.maxThreads());
                c.jetty.modifyServer(BrevetServer::graceful);
                c.jetty.addConnector((server, base) ->
                        ServerTls.connector(server, base, s.bindAddress(), s.httpsPort(), serverCert, identity.chain()));
            });
            start(https, "HTTPS", s.bindAddress(), s.httpsPort());
            Javalin http = Javalin.create(c -> {
                api.configurePublic(c);
                c.jetty.threadPool = pool("brevet-http", HTTP_THREADS);
                c.jetty.modifyServer(BrevetServer::graceful);
                c.jetty.defaultHost = s.bindAddress();
                c.jetty.defaultPort = s.httpPort();
            });
            start(http, "HTTP", s.bindAddress(), s.httpPort());
            BrevetServer server = new BrevetServer(runtime, https, http, config, CrlSchedule.start(runtime.node().member(),
                    java.time.Duration.ofSeconds(config.cluster().heartbeatSeconds())), kra);
            LOG.info("serving {} and {}", server.httpsUrl(), server.httpUrl());
            return server;
        } catch (RuntimeException e) {
            if (https != null) {
                stopQuietly(https);
            }
            runtime.close();
            throw e;
        }
    }

    private static ApiServices services(CaRuntime runtime) {
        Authority a = runtime.authority();
        return new ApiServices(a.enrollment(), a.agentReview(), a.certificates(), a.profiles(), a.users(),
                a.authentication(), runtime.repositories().health());
    }

    private static StatusServices status(CaRuntime runtime) {
        RevocationAuthority s = runtime.status();
        return new StatusServices(s.revocation(), runtime.node().crls(), s.ocsp());
    }

    /** Stopping first refuses new connections, then lets requests in progress finish (Jetty's graceful stop). */
    private static void graceful(Server server) {
        server.setHandler(new StatisticsHandler());
        server.setStopTimeout(GRACE_MILLIS);
    }

    private static QueuedThreadPool pool(String name, int max) {
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
        pool.setName(name);
        return pool;
    }

    private static void start(Javalin app, String what, String host, int port) {
        try {
            app.start();
        } catch (Exception e) { // Jetty's stop after a failed start may rethrow a checked ExecutionException
            stopQuietly(app);
            throw new ListenFailure("cannot listen for " + what + " on " + host + ":" + port + ": " + rootMessage(e), e);
        }
    }

    /** Stops a listener; Jetty may rethrow a checked exception from its graceful stop, which is only logged. */
    private static void stopQuietly(Javalin app) {
        try {
            app.stop();
        } catch (Exception e) {
            LOG.warn("stopping a listener: {}", e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The KRA's archival port, when the instance has KRA keys (enrollment with PKIArchiveOptions calls it). */
    public java.util.Optional<org.brevet.ca.api.KeyArchive> keyArchive() {
        return kra.map(org.brevet.kra.Kra::archive);
    }

    /** The bound HTTPS port (the configured one, or the one the system chose for port 0). */
    public int httpsPort() {
        return localPort(https);
    }

    /** The bound plain HTTP port. */
    public int httpPort() {
        return localPort(http);
    }

    public String httpsUrl() {
        return "https://" + config.server().primaryHostname() + ":" + httpsPort() + "/";
    }

    public String httpUrl() {
        return "http://" + config.server().primaryHostname() + ":" + httpPort() + "/";
    }

    /** Requests the HTTPS listener is handling right now (for tests of the graceful stop). */
    int requestsInProgress() {
        StatisticsHandler stats = https.jettyServer().server().getChildHandlerByClass(StatisticsHandler.class);
        return stats == null ? 0 : stats.getRequestsActive();
    }

    private static int localPort(Javalin app) {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    /** Blocks until {@link #close} has finished (from a shutdown hook, for instance). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping");
        try {
            crlSchedule.close();
            stopQuietly(http);
            stopQuietly(https);
        } finally {
            runtime.close();
            stopped.countDown();
            LOG.info("stopped");
        }
    }
}
