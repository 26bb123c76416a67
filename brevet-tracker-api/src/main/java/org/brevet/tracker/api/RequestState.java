package org.brevet.tracker.api;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states of a tracked request, with certmonger 0.79.17's names (reference certmonger.md §2.1), so that
 * scripts parsing {@code getcert list} and {@code getcert status} keep working. {@link #isStuck()} is
 * certmonger's "stuck": the daemon will not progress without outside action.
 */
public enum RequestState {
    NEWLY_ADDED,
    NEWLY_ADDED_START_READING_KEYINFO,
    NEWLY_ADDED_READING_KEYINFO,
    NEWLY_ADDED_NEED_KEYINFO_READ_PIN(true),
    NEWLY_ADDED_NEED_KEYINFO_READ_TOKEN(true),
    NEWLY_ADDED_START_READING_CERT,
    NEWLY_ADDED_READING_CERT,
    NEWLY_ADDED_DECIDING,
    NEED_KEY_PAIR,
    GENERATING_KEY_PAIR,
    NEED_KEY_GEN_PERMS(true),
    NEED_KEY_GEN_PIN(true),
    NEED_KEY_GEN_TOKEN(true),
    HAVE_KEY_PAIR,
    NEED_KEYINFO,
    READING_KEYINFO,
    NEED_KEYINFO_READ_PIN(true),
    NEED_KEYINFO_READ_TOKEN(true),
    HAVE_KEYINFO,
    NEED_CSR,
    GENERATING_CSR,
    NEED_CSR_GEN_PIN(true),
    NEED_CSR_GEN_TOKEN(true),
    HAVE_CSR,
    NEED_SCEP_DATA,
    GENERATING_SCEP_DATA,
    NEED_SCEP_GEN_PIN,
    NEED_SCEP_GEN_TOKEN,
    NEED_SCEP_ENCRYPTION_CERT,
    NEED_SCEP_RSA_CLIENT_KEY,
    HAVE_SCEP_DATA,
    NEED_TO_SUBMIT,
    SUBMITTING,
    NEED_CA(true),
    CA_UNREACHABLE,
    CA_UNCONFIGURED(true),
    CA_REJECTED(true),
    CA_WORKING,
    NEED_TO_SAVE_CERT,
    PRE_SAVE_CERT,
    START_SAVING_CERT,
    SAVING_CERT,
    NEED_CERTSAVE_PERMS(true),
    NEED_CERTSAVE_TOKEN,
    NEED_CERTSAVE_PIN,
    SAVED_CERT,
    NEED_TO_SAVE_CA_CERTS,
    START_SAVING_CA_CERTS,
    SAVING_CA_CERTS,
    NEED_CA_CERT_SAVE_PERMS(true),
    NEED_TO_READ_CERT,
    READING_CERT,
    POST_SAVED_CERT,
    NEED_TO_SAVE_ONLY_CA_CERTS,
    START_SAVING_ONLY_CA_CERTS,
    SAVING_ONLY_CA_CERTS,
    NEED_ONLY_CA_CERT_SAVE_PERMS,
    MONITORING,
    NEED_TO_NOTIFY_VALIDITY,
    NOTIFYING_VALIDITY,
    NEED_TO_NOTIFY_REJECTION,
    NOTIFYING_REJECTION,
    NEED_TO_NOTIFY_ISSUED_SAVE_FAILED,
    NOTIFYING_ISSUED_SAVE_FAILED,
    NEED_TO_NOTIFY_ISSUED_CA_SAVE_FAILED,
    NOTIFYING_ISSUED_CA_SAVE_FAILED,
    NEED_TO_NOTIFY_ONLY_CA_SAVE_FAILED,
    NOTIFYING_ONLY_CA_SAVE_FAILED,
    NEED_TO_NOTIFY_ISSUED_SAVED,
    NOTIFYING_ISSUED_SAVED,
    NEED_GUIDANCE(true),
    INVALID;

    /** Names older certmonger versions wrote into request files (reference §2.1). */
    private static final Map<String, RequestState> LEGACY = Map.of(
            "NEED_TO_NOTIFY", NEED_TO_NOTIFY_VALIDITY,
            "NOTIFYING", NOTIFYING_VALIDITY,
            "NEED_TO_NOTIFY_ISSUED_FAILED", NEED_TO_NOTIFY_ISSUED_SAVE_FAILED,
            "NOTIFYING_ISSUED_FAILED", NOTIFYING_ISSUED_SAVE_FAILED,
            "NEWLY_ADDED_READING_KEYI", NEWLY_ADDED_READING_KEYINFO,
            "NEWLY_ADDED_START_READING_KEYI", NEWLY_ADDED_START_READING_KEYINFO,
            "NEWLY_ADDED_NEED_KEYI_READ_PIN", NEWLY_ADDED_NEED_KEYINFO_READ_PIN);

    private final boolean stuck;

    RequestState() {
        this(false);
    }

    RequestState(boolean stuck) {
        this.stuck = stuck;
    }

    /** True when the daemon will not progress without outside action (certmonger's {@code stuck: yes}). */
    public boolean isStuck() {
        return stuck;
    }

    /** Parses a state name, accepting certmonger's legacy spellings; empty when unknown. */
    public static Optional<RequestState> parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (LEGACY.containsKey(n)) {
            return Optional.of(LEGACY.get(n));
        }
        for (RequestState s : values()) {
            if (s.name().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
