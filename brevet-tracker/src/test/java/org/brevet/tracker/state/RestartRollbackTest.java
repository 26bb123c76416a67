package org.brevet.tracker.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.brevet.tracker.api.RequestState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RestartRollbackTest {
    private final StateMachine machine = StateMachine.certmongerDefaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "NEWLY_ADDED_READING_CERT, NEWLY_ADDED",
        "GENERATING_KEY_PAIR, NEED_KEY_PAIR",
        "GENERATING_CSR, NEED_CSR",
        "SUBMITTING, NEED_TO_SUBMIT",
        "PRE_SAVE_CERT, NEED_TO_SAVE_CERT",
        "SAVING_CERT, NEED_TO_SAVE_CERT",
        "POST_SAVED_CERT, SAVED_CERT",
        "READING_CERT, MONITORING",
        "NOTIFYING_VALIDITY, MONITORING",
        "NOTIFYING_ISSUED_SAVED, NEED_TO_NOTIFY_ISSUED_SAVED",
        "NOTIFYING_REJECTION, NEED_TO_NOTIFY_REJECTION",
    })
    void inFlightState_rollsBackToItsStablePredecessor(RequestState inFlight, RequestState stable) {
        TrackedRequest r = Scenarios.newRequest().withState(inFlight);

        assertThat(machine.resetAfterRestart(r).state()).isEqualTo(stable);
        assertThat(machine.isInFlight(r)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void everyActionsInFlightState_isRolledBack_toAStateThatRunsItAgainOrMonitors(Action action) {
        TrackedRequest r = Scenarios.newRequest().withState(action.inFlight());

        assertThat(machine.isInFlight(r)).as(action + " in-flight state must not survive a restart").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"MONITORING", "CA_UNREACHABLE", "CA_WORKING", "CA_REJECTED", "NEED_GUIDANCE", "NEED_TO_SAVE_CERT"})
    void stableStates_surviveRestart(RequestState state) {
        TrackedRequest r = Scenarios.newRequest().withState(state);

        assertThat(machine.resetAfterRestart(r)).isEqualTo(r);
    }
}
