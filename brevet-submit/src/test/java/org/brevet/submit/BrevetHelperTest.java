package org.brevet.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.cli.EnrollmentClient.RequestState;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;

class BrevetHelperTest {
    private static final String CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";

    /** Answers with a scripted state or failure and records the calls. */
    private static final class ScriptedCa implements CaEndpoint {
        final List<String> calls = new ArrayList<>();
        RequestState state;
        BrevetException failure;

        @Override
        public RequestState submit(String profileId, String csrPem) {
            calls.add("submit " + profileId + " " + csrPem.equals(CSR));
            return answer();
        }

        @Override
        public RequestState request(String requestId) {
            calls.add("request " + requestId);
            return answer();
        }

        @Override
        public String caCertificates() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> enrollmentProfiles() {
            calls.add("profiles");
            if (failure != null) {
                throw failure;
            }
            return List.of("caServerCert", "caUserCert");
        }

        private RequestState answer() {
            if (failure != null) {
                throw failure;
            }
            return state;
        }
    }

    private final ScriptedCa ca = new ScriptedCa();

    private HelperResult run(Optional<String> defaultProfile, String... vars) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < vars.length; i += 2) {
            env.put(vars[i], vars[i + 1]);
        }
        return new BrevetHelper(() -> ca, defaultProfile, 120, "https://ca.example.test:8443").run(new HelperEnvironment(env));
    }

    private static RequestState state(String status, String cert, String reason) {
        return new RequestState("42", status, Optional.ofNullable(cert), Optional.ofNullable(reason));
    }

    @Test
    void submitIssued_printsCertificateExit0() {
        ca.state = state("complete", CERT, null);
        HelperResult r = run(Optional.empty(), "CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", CSR,
                "CERTMONGER_CA_PROFILE", "caServerCert");
        assertThat(r).isEqualTo(new HelperResult(0, CERT));
        assertThat(ca.calls).containsExactly("submit caServerCert true");
    }

    @Test
    void submitWithoutProfileVariable_usesDefaultProfile() {
        ca.state = state("complete", CERT, null);
        run(Optional.of("caUserCert"), "CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", CSR);
        assertThat(ca.calls).containsExactly("submit caUserCert true");
    }

    @Test
    void submitPending_waitsWithDelayAndRequestIdAsCookie() {
        ca.state = state("pending", null, null);
        HelperResult r = run(Optional.of("caServerCert"), "CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", CSR);
        assertThat(r).isEqualTo(new HelperResult(5, "120\n42\n"));
    }

    @Test
    void pollWithCookie_asksForTheRequest() {
        ca.state = state("complete", CERT, null);
        HelperResult r = run(Optional.empty(), "CERTMONGER_OPERATION", "POLL", "CERTMONGER_CSR", CSR,
                "CERTMONGER_CA_COOKIE", "42\n");
        assertThat(r.exitCode()).isZero();
        assertThat(ca.calls).containsExactly("request 42");
    }

    @Test
    void noOperationButCookie_polls() {
        ca.state = state("pending", null, null);
        HelperResult r = run(Optional.empty(), "CERTMONGER_CA_COOKIE", "42");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(ca.calls).containsExactly("request 42");
    }

    @Test
    void rejectedRequest_exit2WithReason() {
        ca.state = state("rejected", null, "not our host");
        HelperResult r = run(Optional.of("caServerCert"), "CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", CSR);
        assertThat(r).isEqualTo(new HelperResult(2, "request 42 rejected: not our host\n"));
    }

    @Test
    void refusedByCa_exit2_unreachable_exit3_unauthorized_exit4() {
        ca.failure = new BrevetException(ErrorKind.UNKNOWN_PROFILE, "no profile 'x'");
        assertThat(run(Optional.of("x"), "CERTMONGER_CSR", CSR)).isEqualTo(new HelperResult(2, "no profile 'x'\n"));
        ca.failure = new BrevetException(ErrorKind.UNAVAILABLE, "connection refused");
        assertThat(run(Optional.of("x"), "CERTMONGER_CSR", CSR).exitCode()).isEqualTo(3);
        ca.failure = new BrevetException(ErrorKind.UNAUTHORIZED, "who are you");
        assertThat(run(Optional.of("x"), "CERTMONGER_CSR", CSR).exitCode()).isEqualTo(4);
    }

    @Test
    void connectionThatCannotBeOpened_exit4WithoutContactingCa() {
        HelperResult r = new BrevetHelper(() -> {
            throw new BrevetException(ErrorKind.MALFORMED, "--p12 needs --p12-password-file");
        }, Optional.of("p"), 60, "x").run(new HelperEnvironment(Map.of("CERTMONGER_CSR", CSR)));
        assertThat(r).isEqualTo(new HelperResult(4, "--p12 needs --p12-password-file\n"));
    }

    @Test
    void missingCsrOrProfile_exit4() {
        assertThat(run(Optional.of("p"), "CERTMONGER_OPERATION", "SUBMIT").exitCode()).isEqualTo(4);
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "SUBMIT", "CERTMONGER_CSR", CSR).exitCode()).isEqualTo(4);
        assertThat(ca.calls).isEmpty();
    }

    @Test
    void dataOperations_answerWithoutGuessing() {
        assertThat(run(Optional.of("caServerCert"), "CERTMONGER_OPERATION", "GET-DEFAULT-TEMPLATE"))
                .isEqualTo(new HelperResult(0, "caServerCert\n"));
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "GET-DEFAULT-TEMPLATE")).isEqualTo(new HelperResult(0, ""));
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "GET-SUPPORTED-TEMPLATES"))
                .isEqualTo(new HelperResult(0, "caServerCert\ncaUserCert\n"));
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "GET-NEW-REQUEST-REQUIREMENTS")).isEqualTo(new HelperResult(0, ""));
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "IDENTIFY").stdout())
                .isEqualTo("Brevet CA at https://ca.example.test:8443 (brevet-submit)\n");
    }

    @Test
    void unknownOperations_exit6() {
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "FETCH-SCEP-CA-CAPS").exitCode()).isEqualTo(6);
        assertThat(run(Optional.empty(), "CERTMONGER_OPERATION", "FROBNICATE").exitCode()).isEqualTo(6);
    }
}
