package org.brevet.getcert;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.ExitCode;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.TrackerClient;
import picocli.CommandLine.Option;

/**
 * {@code -w} and {@code --wait-timeout}: poll the daemon until the request is issued, stuck, unreachable or
 * waiting on the CA (CA_WORKING, exit 5, as certmonger), then exit with the status code (reference §1.12). With {@code -v} each state change is printed as certmonger does.
 */
final class WaitOptions {
    private static final Duration POLL = Duration.ofMillis(200);

    @Option(names = {"-w", "--wait"}, description = "Wait for the request to be issued or to get stuck.")
    boolean wait;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Maximum time to wait.")
    Integer timeoutSeconds;

    int await(TrackerClient client, String id, boolean verbose, PrintWriter out) {
        if (!wait) {
            return ExitCode.OK.code();
        }
        Instant deadline = timeoutSeconds == null ? Instant.MAX : Instant.now().plusSeconds(timeoutSeconds);
        RequestState last = null;
        while (true) {
            Optional<RequestInfo> info = client.send(new Command.ListRequests()).requests().stream()
                    .filter(r -> r.id().equals(id)).findFirst();
            if (info.isEmpty()) {
                return ExitCode.ERROR.code();
            }
            RequestState state = info.get().state();
            if (verbose && state != last) {
                out.println("State " + state + ", stuck: " + (state.isStuck() ? "yes" : "no") + ".");
                out.flush();
            }
            last = state;
            if (ExitCode.isFinal(state) || state == RequestState.CA_WORKING || Instant.now().isAfter(deadline)) {
                return ExitCode.forState(state).code();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.forState(state).code();
            }
        }
    }
}
