package org.brevet.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;

/**
 * What the commands of one {@code brevet} run share: the global options (filled in by picocli while it
 * parses), standard output, the clock, a way to pause, randomness, and the CA client, opened on first use
 * so that commands which do not talk to a server never need a connection.
 */
final class Session {
    private final GlobalOptions options = new GlobalOptions();
    private final PrintWriter out;
    private final Clock clock;
    private final Pause pause;
    private final SecureRandom random;
    private final Function<Session, CaClient> connector;
    private final ObjectMapper json = mapper();
    private CaClient client;

    Session(PrintWriter out, Clock clock, Pause pause, SecureRandom random, Function<Session, CaClient> connector) {
        this.out = out;
        this.clock = clock;
        this.pause = pause;
        this.random = random;
        this.connector = connector;
    }

    /** The real thing: system clock, real sleeping, connections made from the options. */
    static Session standard(PrintWriter out) {
        return new Session(out, Clock.systemUTC(), Pause.sleeping(), new SecureRandom(),
                s -> CaClient.connect(s.options().connection(), s.json(), s.random()));
    }

    GlobalOptions options() {
        return options;
    }

    CaClient client() {
        if (client == null) {
            client = connector.apply(this);
        }
        return client;
    }

    Output output() {
        return new Output(out, options.format(), json);
    }

    Clock clock() {
        return clock;
    }

    Pause pause() {
        return pause;
    }

    SecureRandom random() {
        return random;
    }

    ObjectMapper json() {
        return json;
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
