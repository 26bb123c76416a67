package org.brevet.submit;

/**
 * What a helper run answers certmonger: the exit code and what goes to standard output (reference
 * certmonger.md §4.3).
 */
record HelperResult(int exitCode, String stdout) {
    static final int ISSUED = 0;
    static final int WAIT = 1;
    static final int REJECTED = 2;
    static final int UNREACHABLE = 3;
    static final int UNCONFIGURED = 4;
    static final int WAIT_WITH_DELAY = 5;
    static final int UNSUPPORTED = 6;

    static HelperResult data(String text) {
        return new HelperResult(ISSUED, text);
    }

    static HelperResult waitWithDelay(long seconds, String cookie) {
        return new HelperResult(WAIT_WITH_DELAY, seconds + "\n" + cookie + "\n");
    }

    static HelperResult of(int exitCode, String message) {
        return new HelperResult(exitCode, message.endsWith("\n") ? message : message + "\n");
    }
}
