package org.brevet.cli;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * The end-entity part of the CA client for programs outside this module (the {@code brevet-submit}
 * helper): the same connection options as {@code brevet} ({@link Connection}), enrollment, request
 * status, the CA chain and the open profiles. Every failure is a {@link BrevetException}: {@link
 * ErrorKind#UNAVAILABLE} when the server cannot be reached or failed (5xx, worth retrying), otherwise the
 * kind the server named (unauthorized, unknown_profile, malformed, ...) with its detail.
 */
public final class EnrollmentClient {
    private final CaClient client;

    private EnrollmentClient(CaClient client) {
        this.client = client;
    }

    /** {@code --url}, {@code --p12}, {@code --p12-password-file}, {@code --ca-cert}, {@code --instance}, {@code --client-cert}, {@code --client-key}; null = not given. */
    public record Connection(URI url, Path p12, Path p12PasswordFile, Path caCert, Path instance, Path cert, Path key) {
        /** Without a PEM credential. */
        public Connection(URI url, Path p12, Path p12PasswordFile, Path caCert, Path instance) {
            this(url, p12, p12PasswordFile, caCert, instance, null, null);
        }
    }

    /** A request as the CA sees it; the certificate is present once issued, the reason once refused. */
    public record RequestState(String requestId, String status, Optional<String> certificatePem,
            Optional<String> reason) {
        public boolean isComplete() {
            return CertRequestInfo.COMPLETE.equalsIgnoreCase(status);
        }

        public boolean isPending() {
            return CertRequestInfo.PENDING.equalsIgnoreCase(status);
        }
    }

    /** Opens the connection the options describe (instance values fill what is not given, as in {@code brevet}). */
    public static EnrollmentClient connect(Connection c, SecureRandom random) {
        GlobalOptions o = new GlobalOptions();
        o.url = c.url();
        o.p12 = c.p12();
        o.p12PasswordFile = c.p12PasswordFile();
        o.caCert = c.caCert();
        o.instance = c.instance();
        o.cert = c.cert();
        o.key = c.key();
        return new EnrollmentClient(guarded(() -> CaClient.connect(o.connection(), Session.mapper(), random)));
    }

    public RequestState submit(String profileId, String csrPem) {
        return state(guarded(() -> client.submit(profileId, csrPem)));
    }

    public RequestState request(String requestId) {
        return state(guarded(() -> client.request(requestId)));
    }

    /** The CA's PEM chain, CA certificate first. */
    public String caCertificates() {
        return guarded(client::caCertificates);
    }

    /** Ids of the profiles open to enrollment. */
    public List<String> enrollmentProfiles() {
        return guarded(() -> client.enrollmentProfiles().profiles().stream().map(ProfileSummary::id).toList());
    }

    private static RequestState state(CertRequestInfo r) {
        return new RequestState(r.requestId(), r.status(), Optional.ofNullable(r.certificate()),
                Optional.ofNullable(r.reason()));
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServerUnreachableException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, e.getMessage(), e);
        } catch (ServerErrorException e) {
            throw new BrevetException(kindOf(e), e.detail(), e);
        }
    }

    private static ErrorKind kindOf(ServerErrorException e) {
        if (e.isServerFault()) {
            return ErrorKind.UNAVAILABLE;
        }
        try {
            return ErrorKind.valueOf(e.error().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return e.status() == 401 || e.status() == 403 ? ErrorKind.UNAUTHORIZED : ErrorKind.MALFORMED;
        }
    }
}
