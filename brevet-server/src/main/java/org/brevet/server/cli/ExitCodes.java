package org.brevet.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.server.ListenFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exit codes of the server commands, shared with the client commands where they mean the same, and the
 * one place where a failure becomes one line on stderr ({@code brevet: <detail>}), never a stack trace.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The server could not start (a port in use, an I/O failure). */
    public static final int FAILED = 1;
    /** Usage or local input: bad option, bad configuration, missing or existing instance, unreadable file. */
    public static final int USAGE = 2;
    /** The database cannot be reached, or the audit log cannot be written. */
    public static final int UNAVAILABLE = 3;
    /** Internal error (a bug): details in the log. */
    public static final int INTERNAL = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {
    }

    /** Runs the action; maps a failure to its exit code and prints it as one line. */
    static int run(PrintWriter err, Callable<Integer> action) {
        try {
            return action.call();
        } catch (BrevetException e) {
            err.println("brevet: " + e.detail());
            err.flush();
            return of(e);
        } catch (Exception e) {
            LOG.error("unexpected failure", e);
            err.println("brevet: internal error: " + e);
            err.flush();
            return INTERNAL;
        }
    }

    static int of(BrevetException e) {
        return switch (e.kind()) {
            case UNAVAILABLE -> e instanceof ListenFailure ? FAILED : UNAVAILABLE;
            case INTERNAL -> INTERNAL;
            case MALFORMED, BAD_SIGNATURE, BAD_POP, UNKNOWN_PROFILE, UNAUTHORIZED, NOT_FOUND, CONFLICT,
                    ALREADY_REVOKED, REJECTED_BY_POLICY -> USAGE;
        };
    }
}
