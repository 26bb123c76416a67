package org.brevet.submit;

import java.util.Optional;

/** The values of {@code CERTMONGER_OPERATION} this helper implements. */
enum Operation {
    SUBMIT("SUBMIT"),
    POLL("POLL"),
    IDENTIFY("IDENTIFY"),
    FETCH_ROOTS("FETCH-ROOTS"),
    GET_SUPPORTED_TEMPLATES("GET-SUPPORTED-TEMPLATES"),
    GET_DEFAULT_TEMPLATE("GET-DEFAULT-TEMPLATE"),
    GET_NEW_REQUEST_REQUIREMENTS("GET-NEW-REQUEST-REQUIREMENTS"),
    GET_RENEW_REQUEST_REQUIREMENTS("GET-RENEW-REQUEST-REQUIREMENTS");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /** The operation named, or empty for one this helper does not know (exit 6). */
    static Optional<Operation> named(String name) {
        for (Operation o : values()) {
            if (o.wireName.equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
