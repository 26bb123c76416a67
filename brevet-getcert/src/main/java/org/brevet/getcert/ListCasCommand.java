package org.brevet.getcert;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brevet.tracker.api.CaInfo;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.TrackerJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code getcert list-cas}: certmonger's exact text (reference §3.2), or JSON. */
@picocli.CommandLine.Command(name = "list-cas", description = "List known CAs.")
final class ListCasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", description = "Only this CA.")
    String ca;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<CaInfo> cas = Replies.require(connection.client().send(new Command.ListCas())).cas().stream()
                .filter(c -> ca == null || ca.equals(c.nickname())).toList();
        if (json) {
            spec.commandLine().getOut().println(new TrackerJson().encodePretty(Map.of("cas", cas)));
        } else {
            spec.commandLine().getOut().print(new ListFormat(ZoneId.systemDefault()).cas(cas, connection.verbose));
        }
        return 0;
    }
}
