package org.brevet.tracker.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.brevet.tracker.state.ScenarioRunner.T0;
import static org.brevet.tracker.state.Scenarios.cert;
import static org.brevet.tracker.state.Scenarios.issued;
import static org.brevet.tracker.state.Scenarios.newRequest;
import static org.brevet.tracker.state.Scenarios.nothingFound;
import static org.brevet.tracker.state.Scenarios.unreachable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.submit.SubmitOutcome;
import org.junit.jupiter.api.Test;

/** The state machine driven through scripted outcomes; traces are compared with golden files. */
class StateMachineScenarioTest {
    private static final Duration YEAR = Duration.ofDays(365);
    private final StateMachine machine = StateMachine.certmongerDefaults();

    @Test
    void newRequest_issuedWithHooks_thenRenewedAt28Days() throws Exception {
        TrackedRequest r = TrackedRequest.newlyAdded("req1", Scenarios.fileSettings("/bin/pre", "/bin/post"));
        ScenarioRunner run = new ScenarioRunner(machine, r)
                .on(Action.READ_EXISTING, nothingFound())
                .on(Action.GENERATE_KEY, new Outcome.KeyReady(false))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("-----BEGIN CERTIFICATE REQUEST-----"))
                .on(Action.SUBMIT, issued())
                .on(Action.PRE_SAVE, new Outcome.HookDone(Optional.empty()))
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("01", t, YEAR)))
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("02", t, YEAR)))
                .on(Action.POST_SAVE, new Outcome.HookDone(Optional.empty()))
                .on(Action.POST_SAVE, new Outcome.HookDone(Optional.of("exit status 3")))
                .on(Action.NOTIFY_ISSUED, new Outcome.Notified())
                .on(Action.NOTIFY_VALIDITY, new Outcome.Notified())
                .checkFindsCurrentCertificate();

        run.runUntil(T0.plus(Duration.ofSeconds(1)), 20)
                .advanceTo(T0.plus(Duration.ofDays(333)))
                .runUntil(T0.plus(Duration.ofDays(340)), 60);
        run.assertMatchesGolden("new-request-renewed");

        assertThat(run.request().state()).isEqualTo(RequestState.MONITORING);
        assertThat(run.request().cert().serial()).isEqualTo("02");
        assertThat(run.request().progress().hookError()).isEqualTo("exit status 3");
    }

    @Test
    void caUnreachable_backsOffExponentially_boundedAtOneHour() throws Exception {
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, nothingFound())
                .on(Action.GENERATE_KEY, new Outcome.KeyReady(false))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, unreachable(), unreachable(), unreachable(), unreachable(), unreachable(),
                        unreachable(), unreachable(), unreachable(), issued())
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("01", t, YEAR)))
                .on(Action.NOTIFY_ISSUED, new Outcome.Notified());

        run.runUntil(T0.plus(Duration.ofDays(1)), 60);
        run.assertMatchesGolden("unreachable-backoff");

        assertThat(run.request().state()).isEqualTo(RequestState.MONITORING);
    }

    @Test
    void helperAnswers_waitWithAndWithoutDelay_thenIssued() throws Exception {
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.empty(), true))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT,
                        new Outcome.Submitted(new SubmitOutcome.Wait("cookie-1", Optional.empty())),
                        new Outcome.Submitted(new SubmitOutcome.Wait("cookie-2", Optional.of(Duration.ofSeconds(3600)))),
                        issued())
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("01", t, YEAR)))
                .on(Action.NOTIFY_ISSUED, new Outcome.Notified());

        run.runUntil(T0.plus(Duration.ofDays(1)), 30);
        run.assertMatchesGolden("wait-then-issued");

        assertThat(run.request().state()).isEqualTo(RequestState.MONITORING);
    }

    @Test
    void helperRejects_requestIsStuckInCaRejected() throws Exception {
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.empty(), true))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, new Outcome.Submitted(new SubmitOutcome.Rejected("Request denied by policy")))
                .on(Action.NOTIFY_REJECTION, new Outcome.Notified());

        run.runUntil(T0.plus(Duration.ofDays(1)), 30);
        run.assertMatchesGolden("rejected");

        assertThat(run.request().state()).isEqualTo(RequestState.CA_REJECTED);
        assertThat(run.request().progress().caError()).isEqualTo("Request denied by policy");
    }

    @Test
    void helperAlwaysWantsNewKey_givesUpAfterThreeRekeys() throws Exception {
        Outcome rekey = new Outcome.Submitted(new SubmitOutcome.NeedsRekey("key too old"));
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.empty(), true))
                .on(Action.GENERATE_KEY, new Outcome.KeyReady(false))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, rekey);

        run.runUntil(T0.plus(Duration.ofDays(1)), 40);
        run.assertMatchesGolden("rekey-loop-capped");

        assertThat(run.request().state()).isEqualTo(RequestState.NEED_GUIDANCE);
        assertThat(run.request().progress().rekeys()).isEqualTo(4);
    }

    @Test
    void unconfiguredCa_retriesByItself_andRecoversWhenFixed() throws Exception {
        Outcome unconfigured = new Outcome.Submitted(new SubmitOutcome.Unconfigured("missing server URL"));
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.empty(), true))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, unconfigured, new Outcome.NoSuchCa("no CA named \"TestCA\""), issued())
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("01", t, YEAR)))
                .on(Action.NOTIFY_ISSUED, new Outcome.Notified());

        run.runUntil(T0.plus(Duration.ofDays(1)), 30);
        run.assertMatchesGolden("unconfigured-recovers");

        assertThat(run.request().state()).isEqualTo(RequestState.MONITORING);
    }

    @Test
    void shortLivedCertificate_renewsAtTwoThirdsOfItsLife() throws Exception {
        Duration hour = Duration.ofHours(1);
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.of(cert("01", T0, hour)), true))
                .on(Action.CHECK_CERT, t -> new Outcome.Checked(Optional.of(cert("01", T0, hour))))
                .on(Action.NOTIFY_VALIDITY, new Outcome.Notified())
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, issued())
                .on(Action.SAVE_CERT, t -> new Outcome.Saved(cert("02", t, hour)))
                .on(Action.NOTIFY_ISSUED, new Outcome.Notified());

        run.runUntil(T0.plus(Duration.ofMinutes(50)), 30);
        run.assertMatchesGolden("short-lived-renewal");

        assertThat(run.request().cert().serial()).isEqualTo("02");
        assertThat(run.request().cert().notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
    }

    @Test
    void certificateReplacedOutOfBand_isNoticed_andNotRenewedAgain() throws Exception {
        CertFacts old = cert("01", T0.minus(Duration.ofDays(360)), YEAR);
        CertFacts replaced = cert("99", T0, YEAR);
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.of(old), true))
                .on(Action.CHECK_CERT, t -> new Outcome.Checked(Optional.of(replaced)));

        run.runUntil(T0.plus(Duration.ofDays(2)), 10);
        run.assertMatchesGolden("replaced-out-of-band");

        assertThat(run.request().state()).isEqualTo(RequestState.MONITORING);
        assertThat(run.request().cert().serial()).isEqualTo("99");
    }

    @Test
    void saveFails_withPermissionProblem_isStuck() throws Exception {
        ScenarioRunner run = new ScenarioRunner(machine, newRequest())
                .on(Action.READ_EXISTING, new Outcome.Found(Optional.empty(), true))
                .on(Action.GENERATE_CSR, new Outcome.CsrReady("csr"))
                .on(Action.SUBMIT, issued())
                .on(Action.SAVE_CERT, new Outcome.SaveFailed(Outcome.Problem.PERMS, "/etc/x.crt: permission denied"));

        run.runUntil(T0.plus(Duration.ofDays(1)), 20);
        run.assertMatchesGolden("save-permission-denied");

        assertThat(run.request().state()).isEqualTo(RequestState.NEED_CERTSAVE_PERMS);
        assertThat(run.request().progress().issuedPem()).isNotNull();
    }

    @Test
    void caWaiting_isNotResubmittedAtStartup_butKeepsItsTimer() {
        TrackedRequest waiting = newRequest().withState(RequestState.CA_WORKING);
        waiting = new TrackedRequest(waiting.id(), waiting.state(), waiting.settings(), null,
                waiting.progress().withCa("cookie", null).withNextAttempt(T0.plusSeconds(600)));

        TrackedRequest after = machine.resetAfterRestart(waiting);

        assertThat(after).isEqualTo(waiting);
        assertThat(machine.decide(after, T0)).isEqualTo(new Decision.WaitUntil(T0.plusSeconds(600)));
    }

    @Test
    void refresh_onlyMovesRequestsWaitingOnTheCa() {
        TrackedRequest unreachable = new TrackedRequest("r", RequestState.CA_UNREACHABLE, newRequest().settings(), null,
                Progress.initial().withNextAttempt(T0.plusSeconds(3600)));
        Instant now = T0.plusSeconds(5);

        assertThat(machine.refresh(unreachable, now)).map(r -> machine.decide(r, now))
                .contains(new Decision.Run(Action.SUBMIT));
        assertThat(machine.refresh(unreachable.withState(RequestState.MONITORING), now)).isEmpty();
    }
}
