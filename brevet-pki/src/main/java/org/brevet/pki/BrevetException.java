package org.brevet.pki;

import java.util.Objects;

/**
 * The one unchecked exception of Brevet. {@link #detail()} is safe to show to a user; the cause is for
 * the log only.
 */
public class BrevetException extends RuntimeException {
    private final ErrorKind kind;

    public BrevetException(ErrorKind kind, String detail) {
        this(kind, detail, null);
    }

    public BrevetException(ErrorKind kind, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ErrorKind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public static BrevetException malformed(String detail, Throwable cause) {
        return new BrevetException(ErrorKind.MALFORMED, detail, cause);
    }

    public static BrevetException notFound(String detail) {
        return new BrevetException(ErrorKind.NOT_FOUND, detail);
    }
}
