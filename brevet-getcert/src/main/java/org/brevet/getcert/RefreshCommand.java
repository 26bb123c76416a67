package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Selector;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert refresh}: contact the CA now for requests waiting on it. */
@picocli.CommandLine.Command(name = "refresh", description = "Check now with the CA for requests waiting on it.")
final class RefreshCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-a", "--all"}, description = "All outstanding requests.")
    boolean all;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", description = "Requests of this CA.")
    String ca;

    @Option(names = {"-i", "--id"}, paramLabel = "NAME", description = "Nickname of the request.")
    String id;

    @Option(names = {"-d", "--dbdir"}, paramLabel = "DIRECTORY", description = "NSS database of the certificate.")
    String dbdir;

    @Option(names = {"-n", "--nickname"}, paramLabel = "NAME", description = "NSS nickname of the certificate.")
    String nickname;

    @Option(names = {"-t", "--token"}, paramLabel = "NAME", description = "NSS token.")
    String token;

    @Option(names = {"-f", "--certfile"}, paramLabel = "FILENAME", description = "Certificate file.")
    String certFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Selector sel = null;
        if (!all && ca == null) {
            SelectionOptions s = new SelectionOptions();
            s.id = id;
            s.dbdir = dbdir;
            s.nickname = nickname;
            s.certFile = certFile;
            sel = s.selector(spec.commandLine().getErr());
        }
        out.println(Replies.require(connection.client().send(new Command.Refresh(sel, ca, all))).message());
        return 0;
    }
}
