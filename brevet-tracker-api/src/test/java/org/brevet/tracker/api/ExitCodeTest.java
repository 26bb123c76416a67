package org.brevet.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "MONITORING, 0",
        "CA_REJECTED, 2",
        "CA_UNREACHABLE, 3",
        "CA_UNCONFIGURED, 4",
        "NEED_GUIDANCE, 4",
        "NEED_KEY_GEN_PIN, 4",
        "NEED_CA, 4",
        "CA_WORKING, 5",
        "SUBMITTING, 5",
        "NEED_KEY_PAIR, 5",
    })
    void status_mapsStatesLikeCertmonger(RequestState state, int code) {
        assertThat(ExitCode.forState(state).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"NEED_TO_NOTIFY, NEED_TO_NOTIFY_VALIDITY", "NEWLY_ADDED_READING_KEYI, NEWLY_ADDED_READING_KEYINFO",
        "monitoring, MONITORING"})
    void parse_acceptsLegacyNames(String name, RequestState expected) {
        assertThat(RequestState.parse(name)).contains(expected);
    }
}
