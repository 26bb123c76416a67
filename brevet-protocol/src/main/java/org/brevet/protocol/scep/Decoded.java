package org.brevet.protocol.scep;

import java.util.Objects;

/** What decoding a pkiMessage gives: a verified request, or a message to answer with FAILURE. */
public sealed interface Decoded permits Decoded.Valid, Decoded.Invalid {

    Transaction transaction();

    /** Signature verified and envelope decrypted. */
    record Valid(PkiMessage message) implements Decoded {
        public Valid {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Transaction transaction() {
            return message.transaction();
        }
    }

    /** Readable enough to answer, but not acceptable; {@code reason} is for the log, not for the client. */
    record Invalid(Transaction transaction, FailInfo failInfo, String reason) implements Decoded {
        public Invalid {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(failInfo, "failInfo");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
