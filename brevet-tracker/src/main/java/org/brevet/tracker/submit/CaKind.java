package org.brevet.tracker.submit;

/** How a CA is reached; {@link #label()} is what {@code getcert list-cas} prints as {@code ca-type}. */
public enum CaKind {
    /** Signs with the request's own key (certmonger's {@code SelfSign}). */
    SELF_SIGN("INTERNAL:SELF"),
    /** The tracker's own local CA, kept in the state directory (certmonger's {@code local}, but built in). */
    LOCAL("INTERNAL:LOCAL"),
    /** A helper program speaking certmonger's protocol. */
    EXTERNAL("EXTERNAL");

    private final String label;

    CaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CaKind fromLabel(String label) {
        for (CaKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown CA type " + label);
    }
}
