package org.brevet.tracker;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.brevet.tracker.api.Command;
import org.brevet.tracker.api.RequestSpec;
import org.brevet.tracker.api.Reply;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.store.LoadResult;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.api.Selector;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.ipc.CommandHandler;
import org.brevet.tracker.ipc.Peer;
import org.brevet.tracker.keystore.PinVault;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.StateMachine;
import org.brevet.tracker.state.TrackedRequest;

/**
 * The daemon's side of every getcert request command, with certmonger's messages (reference §3.3).
 * CA commands are in {@link CaCommands}.
 */
final class ControlCommands implements CommandHandler {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Scheduler scheduler;
    private final StateMachine machine;
    private final Settings settings;
    private final PinVault pins;
    private final CaCommands caCommands;
    private final Clock clock;
    private final List<LoadResult.Broken> broken;

    ControlCommands(Scheduler scheduler, StateMachine machine, Settings settings, PinVault pins, CaCommands caCommands,
            Clock clock, List<LoadResult.Broken> broken) {
        this.broken = List.copyOf(broken);
        this.scheduler = scheduler;
        this.machine = machine;
        this.settings = settings;
        this.pins = pins;
        this.caCommands = caCommands;
        this.clock = clock;
    }

    @Override
    public synchronized Reply handle(Command c, Peer peer) {
        if (c instanceof Command.Request r) {
            return request(r.spec());
        }
        if (c instanceof Command.StartTracking t) {
            return startTracking(t);
        }
        if (c instanceof Command.StopTracking s) {
            TrackedRequest r = select(s.selector());
            scheduler.remove(r.id());
            pins.forget(r.id());
            return Reply.ok("Request \"" + r.id() + "\" removed.", r.id());
        }
        if (c instanceof Command.Resubmit rs) {
            return resubmit(rs);
        }
        if (c instanceof Command.Refresh rf) {
            return refresh(rf);
        }
        if (c instanceof Command.ListRequests) {
            List<RequestInfo> list = new ArrayList<>(scheduler.all().stream().map(r -> RequestViews.of(r, pins)).toList());
            broken.forEach(b -> list.add(RequestViews.broken(b)));
            return Reply.requests(list);
        }
        return caCommands.handle(c);
    }

    private Reply request(RequestSpec spec) {
        RequestSettings s = settings.create(spec);
        if (s.keyStorage().location() == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "A key location is needed to request a certificate.");
        }
        String id = spec.id() != null ? spec.id() : newId();
        checkUnique(id, s, Optional.empty());
        remember(id, spec);
        scheduler.add(TrackedRequest.newlyAdded(id, s));
        return Reply.ok("New signing request \"" + id + "\" added.", id);
    }

    private Reply startTracking(Command.StartTracking t) {
        Optional<TrackedRequest> existing = t.existing() != null ? Optional.of(select(t.existing()))
                : Optional.ofNullable(t.spec().certStorage()).flatMap(this::byCertLocation);
        if (existing.isPresent()) {
            TrackedRequest old = existing.get();
            RequestSettings merged = settings.merge(old.settings(), t.spec());
            String id = t.spec().id() != null ? t.spec().id() : old.id();
            checkUnique(id, merged, Optional.of(old.id()));
            remember(old.id(), t.spec());
            pins.rename(old.id(), id);
            scheduler.update(old.id(), r -> r.withSettings(merged).withId(id).withState(RequestState.NEWLY_ADDED));
            return Reply.ok("Request \"" + id + "\" modified.", id);
        }
        RequestSettings s = settings.create(t.spec());
        String id = t.spec().id() != null ? t.spec().id() : newId();
        checkUnique(id, s, Optional.empty());
        remember(id, t.spec());
        scheduler.add(TrackedRequest.newlyAdded(id, s));
        return Reply.ok("New tracking request \"" + id + "\" added.", id);
    }

    private Reply resubmit(Command.Resubmit rs) {
        TrackedRequest old = select(rs.selector());
        RequestSettings merged = settings.merge(old.settings(), rs.changes());
        String id = rs.changes().id() != null ? rs.changes().id() : old.id();
        checkUnique(id, merged, Optional.of(old.id()));
        remember(old.id(), rs.changes());
        pins.rename(old.id(), id);
        scheduler.update(old.id(), r -> machine.resubmit(r.withSettings(merged), rs.rekey()).withId(id));
        String ca = merged.caName();
        return Reply.ok(ca == null ? "Resubmitting \"" + id + "\"." : "Resubmitting \"" + id + "\" to \"" + ca + "\".", id);
    }

    private Reply refresh(Command.Refresh rf) {
        List<TrackedRequest> targets = new ArrayList<>();
        if (rf.selector() != null) {
            targets.add(select(rf.selector()));
        } else {
            scheduler.all().stream().filter(r -> rf.all() || Objects.equals(rf.ca(), r.settings().caName()))
                    .forEach(targets::add);
        }
        List<String> lines = new ArrayList<>();
        for (TrackedRequest r : targets) {
            Optional<TrackedRequest> next = machine.refresh(r, clock.instant());
            next.ifPresent(n -> scheduler.update(r.id(), x -> machine.refresh(x, clock.instant()).orElse(x)));
            lines.add("Request ID '" + r.id() + "' " + (next.isPresent() ? "being" : "NOT being") + " refreshed.");
        }
        if (lines.isEmpty()) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "No request found that matched arguments.");
        }
        return Reply.ok(String.join("\n", lines));
    }

    private TrackedRequest select(Selector selector) {
        return scheduler.all().stream().filter(r -> selector.matches(RequestViews.of(r, pins))).findFirst()
                .orElseThrow(() -> new BrevetException(ErrorKind.NOT_FOUND, "No request found that matched arguments."));
    }

    private Optional<TrackedRequest> byCertLocation(Storage cert) {
        return scheduler.all().stream().filter(r -> sameLocation(r.settings().certStorage(), cert)).findFirst();
    }

    private void checkUnique(String id, RequestSettings s, Optional<String> self) {
        for (TrackedRequest other : scheduler.all()) {
            if (self.isPresent() && other.id().equals(self.get())) {
                continue;
            }
            if (other.id().equals(id)) {
                throw new BrevetException(ErrorKind.CONFLICT, "There is already a request with the nickname \"" + id + "\".");
            }
            if (sameLocation(other.settings().certStorage(), s.certStorage())) {
                throw new BrevetException(ErrorKind.CONFLICT,
                        "Certificate at same location is already used by request with nickname \"" + other.id() + "\".");
            }
            if (s.keyStorage().location() != null && sameLocation(other.settings().keyStorage(), s.keyStorage())) {
                throw new BrevetException(ErrorKind.CONFLICT,
                        "Key at same location is already used by request with nickname \"" + other.id() + "\".");
            }
        }
    }

    private static boolean sameLocation(Storage a, Storage b) {
        return a != null && b != null && a.location() != null && b.location() != null
                && Storage.nssDirectory(a.location()).equals(Storage.nssDirectory(b.location()))
                && Objects.equals(a.nickname(), b.nickname());
    }

    private void remember(String id, RequestSpec spec) {
        if (spec.pin() != null) {
            pins.remember(id, Secret.of(spec.pin()));
        } else if (spec.pinFile() != null) {
            pins.forget(id);
        }
    }

    private String newId() {
        String base = ID_TIME.format(clock.instant());
        String id = base;
        for (int i = 1; scheduler.get(id).isPresent(); i++) {
            id = base + "-" + i;
        }
        return id;
    }

}
