package org.brevet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code brevet ARGS} in-process, as {@link BrevetMain} does but with captured output and a clock
 * that pauses move forward (no real sleeping), and returns the exit code and what was printed.
 */
final class CliRun {
    /** What one run did. */
    record Result(int exitCode, String out, String err, List<Duration> pauses) {
    }

    /** A clock moved only by {@link #advance}. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T20:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private CliRun() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        MovingClock clock = new MovingClock();
        List<Duration> pauses = new ArrayList<>();
        Session session = new Session(outWriter, clock, d -> {
            pauses.add(d);
            clock.advance(d);
        }, new SecureRandom(), s -> CaClient.connect(s.options().connection(), s.json(), s.random()));
        int code = Brevet.commandLine(session, outWriter, errWriter).execute(args);
        outWriter.flush();
        errWriter.flush();
        return new Result(code, out.toString(), err.toString(), List.copyOf(pauses));
    }
}
