package org.brevet.ca.testing;

import java.util.ArrayList;
import java.util.List;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/** Test double of the audit sink: keeps events in memory; can be switched to fail like a full disk. */
public final class RecordingAuditLog implements AuditLog {
    private final List<AuditEvent> events = new ArrayList<>();
    private volatile boolean failing;
    private volatile String failingEvent;

    @Override
    public synchronized void append(AuditEvent event) {
        if (failing || event.name().equals(failingEvent)) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "audit log unavailable (test)");
        }
        events.add(event);
    }

    public void fail() {
        failing = true;
    }

    /** Fails only for events with this name. */
    public void failOn(String eventName) {
        failingEvent = eventName;
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> names() {
        return events.stream().map(AuditEvent::name).toList();
    }
}
