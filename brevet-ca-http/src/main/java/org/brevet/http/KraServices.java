package org.brevet.http;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.brevet.ca.api.KeyRecovery;
import org.brevet.pki.Der;

/**
 * The KRA as the REST adapter sees it: recovery for agents, the transport certificate the KRA unwraps with
 * ({@link org.brevet.ca.api.KeyArchive#transportCertificate()}), and the one the CA publishes, read from the
 * database (where {@code ca init} / {@code kra init} recorded it).
 */
public record KraServices(KeyRecovery recovery, Der kraTransportCertificate, Supplier<Optional<Der>> caTransportCertificate) {
    public KraServices {
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(kraTransportCertificate, "kraTransportCertificate");
        Objects.requireNonNull(caTransportCertificate, "caTransportCertificate");
    }
}
