package org.brevet.server.cli;

import picocli.CommandLine;

/** Test-only launcher: {@code brevet serve} in a process of its own, as bin/brevet runs it. */
public final class ServeMain {
    private ServeMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }
}
