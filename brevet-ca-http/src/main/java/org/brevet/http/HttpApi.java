package org.brevet.http;

import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.brevet.ca.api.CmcEnrollment;
import org.brevet.ca.api.Scep;

/**
 * The REST API of the CA (docs/REST-API.md) as Javalin configuration. The server builds two Javalin
 * applications: the HTTPS one gets {@link #configureSecure} (every route; client certificates are read
 * from the TLS session), the plain HTTP one {@link #configurePublic} (only what is public by nature:
 * health and the CA certificate, plus Dogtag's end-entity servlets, where the caller is anonymous). Both share the error mapper, the request-body limit and the log line.
 */
public final class HttpApi {
    /** Largest request body accepted (a CSR, a profile definition): 64 KiB. */
    public static final long MAX_BODY_BYTES = 64 * 1024;

    private final ApiServices services;
    private final Optional<StatusServices> status;
    private final Optional<KraServices> kra;
    private final Optional<Scep> scep;
    private final Optional<CmcEnrollment> cmc;
    private final Clock clock;
    private final Json json = new Json();
    private final RequestBody body = new RequestBody(MAX_BODY_BYTES);
    private final AtomicLong exchanges = new AtomicLong();

    public HttpApi(ApiServices services, Clock clock) {
        this(services, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), clock);
    }

    /** With revocation, CRL and OCSP routes. */
    public HttpApi(ApiServices services, StatusServices status, Clock clock) {
        this(services, Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty(), clock);
    }

    private HttpApi(ApiServices services, Optional<StatusServices> status, Optional<KraServices> kra, Optional<Scep> scep,
            Optional<CmcEnrollment> cmc, Clock clock) {
        this.services = Objects.requireNonNull(services, "services");
        this.status = Objects.requireNonNull(status, "status");
        this.kra = Objects.requireNonNull(kra, "kra");
        this.scep = Objects.requireNonNull(scep, "scep");
        this.cmc = Objects.requireNonNull(cmc, "cmc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The same API with the KRA's routes (transport certificate, keys, key requests). */
    public HttpApi withKra(KraServices kraServices) {
        return new HttpApi(services, status, Optional.of(kraServices), scep, cmc, clock);
    }

    /** The same API with the SCEP server's routes (docs/SCEP.md) on both listeners. */
    public HttpApi withScep(Scep scepServices) {
        return new HttpApi(services, status, kra, Optional.of(scepServices), cmc, clock);
    }

    /** The same API with Dogtag's CMC servlet (docs/CMC.md) on the HTTPS listener. */
    public HttpApi withCmc(CmcEnrollment cmcEnrollment) {
        return new HttpApi(services, status, kra, scep, Optional.of(cmcEnrollment), clock);
    }

    /** Every route of the API, for the HTTPS listener. */
    public void configureSecure(JavalinConfig config) {
        common(config);
        Callers callers = new Callers(services.authentication());
        config.router.mount(r -> {
            new HealthRoutes(services.health(), json).install(r);
            new CaCertificateRoutes(services.certificates()).install(r);
            new EnrollmentRoutes(services.enrollment(), callers, body, json).install(r);
            new AgentRoutes(services.agentReview(), services.certificates(), callers, body, json).install(r);
            DogtagLegacyRoutes legacy = legacy(callers);
            legacy.installEndEntity(r);
            legacy.installClientAuthenticated(r);
            new CertificateRoutes(services.certificates(), clock, json).install(r);
            new ProfileRoutes(services.profiles(), callers, body, json).install(r);
            new UserRoutes(services.users(), callers, body, json).install(r);
            status.ifPresent(st -> {
                new RevocationRoutes(st.revocation(), st.crls(), callers, body, json).install(r);
                new CrlRoutes(st.crls()).install(r);
                new OcspRoutes(st.ocsp()).install(r);
            });
            kra.ifPresent(k -> {
                KraRoutes routes = new KraRoutes(k, callers, body, json);
                routes.installPublic(r);
                routes.installAgent(r);
            });
            scep.ifPresent(sc -> {
                ScepRoutes routes = new ScepRoutes(sc, body);
                routes.install(r);
                routes.installAgent(r, callers, json);
            });
            cmc.ifPresent(c -> new CmcRoutes(c).install(r));
        });
    }

    /**
     * Only what is public by nature (health, CA certificate, CRLs, OCSP), for the plain HTTP listener, plus
     * Dogtag's end-entity servlets as Dogtag serves them on its HTTP port (callers there are anonymous).
     */
    public void configurePublic(JavalinConfig config) {
        common(config);
        config.router.mount(r -> {
            new HealthRoutes(services.health(), json).install(r);
            new CaCertificateRoutes(services.certificates()).install(r);
            legacy(Callers.anonymousOnly(services.authentication())).installEndEntity(r);
            status.ifPresent(st -> {
                new CrlRoutes(st.crls()).install(r);
                new OcspRoutes(st.ocsp()).install(r);
            });
            kra.ifPresent(k -> new KraRoutes(k, Callers.anonymousOnly(services.authentication()), body, json).installPublic(r));
            scep.ifPresent(sc -> new ScepRoutes(sc, body).install(r));
        });
    }

    private DogtagLegacyRoutes legacy(Callers callers) {
        return new DogtagLegacyRoutes(services.enrollment(), services.agentReview(), services.certificates(), callers);
    }

    private void common(JavalinConfig config) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.http.generateEtags = false;
        config.requestLogger.http(RequestLog::log);
        config.router.mount(this::exchangeStart);
    }

    private void exchangeStart(JavalinDefaultRouting r) {
        r.before(ctx -> Exchange.begin(ctx, Long.toString(exchanges.incrementAndGet())));
        new ErrorMapper(json).install(r);
    }
}
