package org.brevet.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code brevet} launcher's main class: runs one command and exits with its code. */
public final class BrevetMain {
    private BrevetMain() {
    }

    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = Brevet.commandLine(Session.standard(out), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
