package org.brevet.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;

class TrackerJsonTest {
    private final TrackerJson json = new TrackerJson();

    @Test
    void requestCommand_roundTrips_withTypeTag() {
        RequestSpec spec = new RequestSpec("web1", "local", Storage.file("/k.pem"), Storage.file("/c.pem"), "/pin",
                null, "EC", 256, "CN=web1", List.of("web1.example.test"), List.of(), List.of(), List.of("127.0.0.1"),
                List.of("digitalSignature"), List.of("id-kp-serverAuth"), null, null, true, "/bin/true", null,
                List.of("/ca.pem"), null, "0600", null, "0644", null, null);
        String text = json.encode(new Command.Request(spec));

        assertThat(text).startsWith("{\"command\":\"request\"").doesNotContain("\n");
        assertThat(json.decodeCommand(text)).isEqualTo(new Command.Request(spec));
    }

    @Test
    void reply_withRequestInfo_roundTripsTimesAsIsoStrings() {
        RequestInfo info = new RequestInfo("r1", RequestState.CA_UNREACHABLE, "connection refused",
                Storage.file("/k"), false, null, Storage.file("/c"), "Test", "CN=CA", "CN=x", "01",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), null, List.of("x"),
                null, null, null, null, null, null, null, null, null, true, true, null);
        String text = json.encode(Reply.requests(List.of(info)));

        assertThat(text).contains("\"notAfter\":\"2027-01-01T00:00:00Z\"").contains("\"state\":\"CA_UNREACHABLE\"");
        assertThat(json.decodeReply(text).requests()).containsExactly(info);
    }

    @Test
    void unknownField_isMalformed() {
        assertThatThrownBy(() -> json.decodeCommand("{\"command\":\"list\",\"bogus\":1}"))
                .isInstanceOf(BrevetException.class)
                .satisfies(e -> assertThat(((BrevetException) e).kind()).isEqualTo(ErrorKind.MALFORMED));
    }

    @Test
    void unknownCommand_isMalformed() {
        assertThatThrownBy(() -> json.decodeCommand("{\"command\":\"format-disk\"}"))
                .isInstanceOf(BrevetException.class);
    }

    @Test
    void specToString_hidesPin() {
        RequestSpec spec = new RequestSpec(null, null, null, null, null, "s3cret", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(spec.toString()).doesNotContain("s3cret").contains("***");
    }
}
