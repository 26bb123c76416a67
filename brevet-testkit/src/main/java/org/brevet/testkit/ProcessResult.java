package org.brevet.testkit;

import java.util.List;

/** What a finished process left: exit code and captured output. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
    public ProcessResult {
        command = List.copyOf(command);
    }

    public boolean isSuccess() {
        return exitCode == 0;
    }

    /** Fails the test, showing the command and its output, unless the process exited 0. */
    public ProcessResult assertSuccess() {
        if (exitCode != 0) {
            throw new AssertionError(describe("exited " + exitCode));
        }
        return this;
    }

    /** Fails the test unless the process exited with {@code expected}. */
    public ProcessResult assertExitCode(int expected) {
        if (exitCode != expected) {
            throw new AssertionError(describe("exited " + exitCode + ", expected " + expected));
        }
        return this;
    }

    /** stdout followed by stderr (openssl prints some results, e.g. "verify OK", on stderr). */
    public String output() {
        return stdout + stderr;
    }

    private String describe(String what) {
        return String.join(" ", command) + " " + what + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
