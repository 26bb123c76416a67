package org.brevet.cli;

/**
 * The exit codes of {@code brevet}, as documented in {@code --help} and docs/CLI.md. Scripts depend on
 * them: change them only with a note in the changelog.
 */
final class ExitCode {
    /** The command did what was asked. */
    static final int OK = 0;
    /** The server refused the request (HTTP 4xx, or a request rejected or canceled by an agent). */
    static final int REFUSED = 1;
    /** Bad usage or local input: unknown option, unreadable file, wrong PKCS#12 password. */
    static final int USAGE = 2;
    /** The server cannot be reached: connection refused, timeout, TLS failure. */
    static final int UNREACHABLE = 3;
    /** The request is still pending when {@code --wait} runs out. */
    static final int PENDING = 4;
    /** The server failed (HTTP 5xx). */
    static final int SERVER_ERROR = 5;

    /** The lines of the "Exit codes:" section of {@code --help}: code, colon, description. */
    static final String[] HELP = {
        "0:success",
        "1:the server refused the request (HTTP 4xx; its detail is printed), or the request was rejected",
        "2:usage or local input error (bad option, unreadable file, wrong PKCS#12 password)",
        "3:cannot reach the server (connection refused, timeout, TLS failure)",
        "4:the request is still pending after --wait",
        "5:the server failed (HTTP 5xx)",
    };

    private ExitCode() {
    }
}
