package org.brevet.submit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.brevet.cli.EnrollmentClient.RequestState;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * certmonger's helper protocol over a Brevet CA: one operation in, one {@link HelperResult} out.
 *
 * <p>SUBMIT enrolls the CSR under {@code CERTMONGER_CA_PROFILE} (else the {@code --profile} default);
 * POLL asks for the request named by the cookie (the request id). An issued certificate is printed (exit
 * 0); a request waiting for an agent answers exit 5 with the poll delay and the request id as cookie; a
 * rejected or canceled request, or one the CA refuses (bad CSR, unknown profile, policy), exit 2 with the
 * reason; an unreachable or failing server exit 3; a missing CSR, profile or credential the CA does not
 * accept exit 4. Data operations: IDENTIFY, FETCH-ROOTS (the CA chain, from a server authenticated by
 * TLS), GET-SUPPORTED-TEMPLATES (the open profiles), GET-DEFAULT-TEMPLATE ({@code --profile}) and the
 * request requirements (none). Anything else exits 6.
 */
final class BrevetHelper {
    static final String IDENTITY = "Brevet CA";

    private final Supplier<CaEndpoint> ca;
    private final Optional<String> defaultProfile;
    private final long pollDelaySeconds;
    private final String description;

    /**
     * @param ca opens the connection (only operations that talk to the CA call it; a failure to open it,
     *     e.g. an unreadable PKCS#12, is a configuration error)
     * @param description where the CA is, for IDENTIFY
     */
    BrevetHelper(Supplier<CaEndpoint> ca, Optional<String> defaultProfile, long pollDelaySeconds, String description) {
        this.ca = ca;
        this.defaultProfile = defaultProfile;
        this.pollDelaySeconds = pollDelaySeconds;
        this.description = description;
    }

    HelperResult run(HelperEnvironment env) {
        Optional<Operation> op = Operation.named(env.operation());
        if (op.isEmpty()) {
            return HelperResult.of(HelperResult.UNSUPPORTED, "operation " + env.operation() + " is not supported");
        }
        return switch (op.get()) {
            case SUBMIT -> submit(env);
            case POLL -> env.cookie().isPresent() ? poll(env.cookie().get()) : submit(env);
            case IDENTIFY -> HelperResult.data(IDENTITY + " at " + description + " (brevet-submit)\n");
            case FETCH_ROOTS -> withCa(c -> HelperResult.data(RootsText.of(c.caCertificates())));
            case GET_SUPPORTED_TEMPLATES -> withCa(c -> HelperResult.data(lines(c.enrollmentProfiles())));
            case GET_DEFAULT_TEMPLATE -> HelperResult.data(defaultProfile.map(p -> p + "\n").orElse(""));
            case GET_NEW_REQUEST_REQUIREMENTS, GET_RENEW_REQUEST_REQUIREMENTS -> HelperResult.data("");
        };
    }

    private HelperResult submit(HelperEnvironment env) {
        Optional<String> csr = env.csr();
        if (csr.isEmpty()) {
            return HelperResult.of(HelperResult.UNCONFIGURED, "no signing request: CERTMONGER_CSR is not set");
        }
        Optional<String> profile = env.profile().or(() -> defaultProfile);
        if (profile.isEmpty()) {
            return HelperResult.of(HelperResult.UNCONFIGURED,
                    "no profile: give one with getcert -T, or --profile to brevet-submit");
        }
        return withCa(c -> answer(c.submit(profile.get(), csr.get())));
    }

    private HelperResult poll(String requestId) {
        return withCa(c -> answer(c.request(requestId)));
    }

    private HelperResult answer(RequestState r) {
        if (r.isComplete()) {
            return r.certificatePem().map(HelperResult::data).orElseGet(() -> HelperResult.of(HelperResult.UNREACHABLE,
                    "request " + r.requestId() + " is complete but the CA sent no certificate"));
        }
        if (r.isPending()) {
            return HelperResult.waitWithDelay(pollDelaySeconds, r.requestId());
        }
        return HelperResult.of(HelperResult.REJECTED, "request " + r.requestId() + " " + r.status().toLowerCase(Locale.ROOT)
                + r.reason().map(reason -> ": " + reason).orElse(""));
    }

    private HelperResult withCa(Function<CaEndpoint, HelperResult> call) {
        CaEndpoint endpoint;
        try {
            endpoint = ca.get();
        } catch (BrevetException e) {
            return HelperResult.of(e.kind() == ErrorKind.UNAVAILABLE ? HelperResult.UNREACHABLE
                    : HelperResult.UNCONFIGURED, e.detail());
        }
        try {
            return call.apply(endpoint);
        } catch (BrevetException e) {
            return HelperResult.of(switch (e.kind()) {
                case UNAVAILABLE, INTERNAL -> HelperResult.UNREACHABLE;
                case UNAUTHORIZED -> HelperResult.UNCONFIGURED;
                default -> HelperResult.REJECTED;
            }, e.detail());
        }
    }

    private static String lines(List<String> items) {
        StringBuilder b = new StringBuilder();
        items.forEach(i -> b.append(i).append('\n'));
        return b.toString();
    }
}
