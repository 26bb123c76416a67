package org.brevet.getcert;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Selector;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.TrackerJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert list}: certmonger's exact text, or JSON with {@code -o json} / {@code --json}. */
@picocli.CommandLine.Command(name = "list", description = "List tracked certificates and requests.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-r", "--requests-only"}, description = "Only entries being enrolled or refreshed.")
    boolean requestsOnly;

    @Option(names = {"-t", "--tracking-only"}, description = "Only tracked (monitored) entries.")
    boolean trackingOnly;

    @Option(names = "--token", paramLabel = "NAME", description = "Only entries on this NSS token.")
    String token;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", description = "Only entries of this CA.")
    String ca;

    @Option(names = {"-d", "--dbdir"}, paramLabel = "DIRECTORY", description = "Only entries in this NSS database.")
    String dbdir;

    @Option(names = {"-n", "--nickname"}, paramLabel = "NAME", description = "Only entries with this NSS nickname.")
    String nickname;

    @Option(names = {"-f", "--certfile"}, paramLabel = "FILENAME", description = "Only the entry of this file.")
    String certFile;

    @Option(names = {"-i", "--id"}, paramLabel = "NAME", description = "Only this request.")
    String id;

    @Option(names = {"-u", "--utc"}, description = "Print times in UTC.")
    boolean utc;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    String output = "text";

    @Option(names = "--json", description = "Same as -o json.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!output.equals("text") && !output.equals("json")) {
            throw new BrevetException(ErrorKind.MALFORMED, "Unknown output format \"" + output + "\": use text or json.");
        }
        List<RequestInfo> all = Replies.require(connection.client().send(new Command.ListRequests())).requests();
        String file = Paths.absolute(certFile, err);
        String database = dbdir == null ? null : Paths.absolute(Storage.nssDirectory(dbdir), err);
        List<RequestInfo> shown = all.stream()
                .filter(r -> !requestsOnly || r.state() != RequestState.MONITORING)
                .filter(r -> !trackingOnly || r.state() == RequestState.MONITORING)
                .filter(r -> ca == null || ca.equals(r.ca()))
                .filter(r -> id == null || Selector.byId(id).matches(r))
                .filter(r -> file == null || Selector.byCertFile(file).matches(r))
                .filter(r -> database == null || new Selector(null, null, database, null).matches(r))
                .filter(r -> nickname == null || (r.certStorage() != null && nickname.equals(r.certStorage().nickname())))
                .filter(r -> token == null || (r.certStorage() != null && token.equals(r.certStorage().token())))
                .toList();
        if (json || output.equals("json")) {
            out.println(new TrackerJson().encodePretty(Map.of("requests", shown)));
        } else {
            out.print(new ListFormat(utc ? ZoneId.of("UTC") : ZoneId.systemDefault()).requests(shown));
        }
        return 0;
    }
}
