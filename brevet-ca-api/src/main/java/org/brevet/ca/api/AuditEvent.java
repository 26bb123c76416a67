package org.brevet.ca.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One audit record, with Dogtag's event names ({@code CERT_REQUEST_PROCESSED}, {@code AUTH},
 * {@code ROLE_ASSUME}, {@code CONFIG_CERT_PROFILE}, ...), subject id and outcome, plus named fields
 * ({@code ReqID}, {@code CertSerialNum}, {@code ProfileID}, ...). Field order is kept.
 */
public record AuditEvent(String name, String subjectId, Outcome outcome, Map<String, String> fields) {
    public enum Outcome { SUCCESS, FAILURE }

    public AuditEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(outcome, "outcome");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static AuditEvent success(String name, Caller caller, Map<String, String> fields) {
        return new AuditEvent(name, caller.auditId(), Outcome.SUCCESS, fields);
    }

    public static AuditEvent failure(String name, Caller caller, Map<String, String> fields) {
        return new AuditEvent(name, caller.auditId(), Outcome.FAILURE, fields);
    }
}
