package org.brevet.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.submit.CaDataRefresh;
import org.brevet.tracker.submit.CaEntry;
import org.brevet.tracker.submit.CaKind;
import org.brevet.tracker.submit.Submitters;
import org.brevet.tracker.state.TrackedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * add-ca, modify-ca, remove-ca, list-cas and refresh-ca. Adding or fixing a CA retries at once the requests
 * that were waiting for it (NEED_CA, CA_UNCONFIGURED), instead of leaving them stuck (reference §9 E3, #6);
 * removing a CA still used by requests says so (E14). CA data operations run in the background.
 */
final class CaCommands {
    private static final Logger LOG = LoggerFactory.getLogger(CaCommands.class);

    private final CaRegistry cas;
    private final Submitters submitters;
    private final Scheduler scheduler;
    private final ExecutorService background;

    CaCommands(CaRegistry cas, Submitters submitters, Scheduler scheduler, ExecutorService background) {
        this.cas = cas;
        this.submitters = submitters;
        this.scheduler = scheduler;
        this.background = background;
    }

    Reply handle(Command c) {
        if (c instanceof Command.AddCa a) {
            if (cas.find(a.nickname()).isPresent()) {
                throw new BrevetException(ErrorKind.CONFLICT, "There is already a CA with the nickname \"" + a.nickname() + "\".");
            }
            requireCommand(a.helperCommand());
            cas.put(CaEntry.external(a.nickname(), a.helperCommand()));
            refreshData(a.nickname());
            retryWaiting(a.nickname());
            return Reply.ok("New CA \"" + a.nickname() + "\" added.");
        }
        if (c instanceof Command.ModifyCa m) {
            CaEntry ca = find(m.nickname());
            requireCommand(m.helperCommand());
            if (ca.kind() != CaKind.EXTERNAL) {
                throw new BrevetException(ErrorKind.MALFORMED, "CA \"" + m.nickname() + "\" is built in and has no helper.");
            }
            cas.put(ca.withHelper(m.helperCommand()));
            refreshData(m.nickname());
            retryWaiting(m.nickname());
            return Reply.ok("CA \"" + m.nickname() + "\" modified.");
        }
        if (c instanceof Command.RemoveCa r) {
            find(r.nickname());
            cas.remove(r.nickname());
            long users = scheduler.all().stream().filter(t -> r.nickname().equals(t.settings().caName())).count();
            return Reply.ok("CA \"" + r.nickname() + "\" removed." + (users == 0 ? ""
                    : "\nWarning: " + users + " request(s) still name this CA and will wait in NEED_CA."));
        }
        if (c instanceof Command.ListCas) {
            return Reply.cas(cas.all().stream().map(ca -> RequestViews.of(ca, cas.fileOf(ca.nickname()))).toList());
        }
        if (c instanceof Command.RefreshCa rc) {
            List<String> names = new ArrayList<>();
            if (rc.nickname() == null) {
                cas.all().forEach(ca -> names.add(ca.nickname()));
            } else {
                names.add(find(rc.nickname()).nickname());
            }
            names.forEach(this::refreshData);
            return Reply.ok(String.join("\n", names.stream().map(n -> "Data for CA '" + n + "' being refreshed.").toList()));
        }
        throw new AssertionError(c);
    }

    private CaEntry find(String nickname) {
        return cas.find(nickname).orElseThrow(() -> new BrevetException(ErrorKind.NOT_FOUND,
                "No CA with the nickname \"" + nickname + "\" found."));
    }

    private static void requireCommand(String command) {
        if (command == null || command.isBlank()) {
            throw new BrevetException(ErrorKind.MALFORMED, "CA helper command not specified.");
        }
    }

    private void refreshData(String nickname) {
        background.execute(() -> cas.find(nickname).filter(ca -> ca.kind() == CaKind.EXTERNAL).ifPresent(ca -> {
            CaEntry updated = CaDataRefresh.refresh(ca, submitters.helper(ca));
            if (cas.find(nickname).filter(now -> now.helperCommand().equals(ca.helperCommand())).isPresent()) {
                cas.put(updated);
                LOG.info("CA {} data updated{}", nickname, updated.caError() == null ? "" : ": " + updated.caError());
            }
        }));
    }

    private void retryWaiting(String nickname) {
        for (TrackedRequest r : scheduler.all()) {
            if (nickname.equals(r.settings().caName())
                    && (r.state() == RequestState.NEED_CA || r.state() == RequestState.CA_UNCONFIGURED)) {
                scheduler.update(r.id(), x -> x.withState(RequestState.NEED_TO_SUBMIT));
            }
        }
    }
}
