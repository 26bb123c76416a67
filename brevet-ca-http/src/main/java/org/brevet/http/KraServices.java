package org.brevet.http;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.brevet.ca.api.KeyRecovery;
import org.brevet.pki.Der;

/**
 * The KRA as the REST adapter sees it: recovery for agents, and the transport certificate the CA publishes,
 * read from the database (where {@code ca init} / {@code kra init} recorded it).
 */
public record KraServices(KeyRecovery recovery, Supplier<Optional<Der>> caTransportCertificate) {
    public KraServices {
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(caTransportCertificate, "caTransportCertificate");
    }
}
