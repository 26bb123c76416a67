package org.brevet.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code brevet request}: agents review certificate requests (needs an agent's client credential). */
@Command(name = "request", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Review certificate requests (agents).")
final class RequestCommand implements Runnable {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    private final Session session;

    @Spec
    CommandSpec spec;

    RequestCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    @Command(name = "list", description = "List certificate requests, newest first.")
    int list(@Option(names = "--status", paramLabel = "STATUS",
                    description = "pending, complete, rejected or canceled (default: all).") String status,
            @Option(names = "--start", paramLabel = "N", defaultValue = "0", description = "First result.") int start,
            @Option(names = "--size", paramLabel = "N", defaultValue = "20", description = "Page size (1 to 1000).") int size) {
        Paging.check(start, size);
        RequestPage page = session.client().agentRequests(Optional.ofNullable(status), start, size);
        Output out = session.output();
        if (out.isJson()) {
            out.json(page);
        } else if (page.requests().isEmpty()) {
            out.line("No requests found.");
        } else {
            out.table(Views.REQUEST_HEADERS, page.requests().stream().map(Views::requestRow).toList());
            Optional.ofNullable(Views.more(page.start(), page.size(), page.hasMore())).ifPresent(out::line);
        }
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show one request, with its CSR.")
    int show(@Parameters(paramLabel = "ID", description = "Request id.") String id) {
        CertRequestInfo r = session.client().agentRequest(id);
        Output out = session.output();
        if (out.isJson()) {
            out.json(r);
        } else {
            out.fields(Views.request(r));
            if (r.csr() != null) {
                out.line(r.csr().stripTrailing());
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "approve", description = "Approve a pending request: the CA issues the certificate.")
    int approve(@Parameters(paramLabel = "ID", description = "Request id.") String id) {
        return print(session.client().approve(id));
    }

    @Command(name = "reject", description = "Reject a pending request.")
    int reject(@Parameters(paramLabel = "ID", description = "Request id.") String id,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Why (shown to the requester).") String reason) {
        return print(session.client().reject(id, Optional.ofNullable(reason)));
    }

    @Command(name = "cancel", description = "Cancel a pending request.")
    int cancel(@Parameters(paramLabel = "ID", description = "Request id.") String id,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Why.") String reason) {
        return print(session.client().cancel(id, Optional.ofNullable(reason)));
    }

    private int print(CertRequestInfo r) {
        Output out = session.output();
        if (out.isJson()) {
            out.json(r);
        } else {
            out.fields(Views.request(r));
        }
        return ExitCode.OK;
    }
}
