package org.brevet.tracker.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.brevet.tracker.api.Storage;
import org.brevet.tracker.api.StorageType;
import org.junit.jupiter.api.Test;

/** certmonger 0.79.17's notification texts (reference §8.1), as observed in its debug log. */
class MessagesTest {
    private final Storage file = Storage.file("/d/certs/exp2h.crt");
    private final Storage nss = new Storage(StorageType.NSSDB, "sql:/d/nss", "ServerCert", "NSS Certificate DB");

    @Test
    void fileMessages_matchCertmonger() {
        assertThat(Messages.willExpire(file, Instant.parse("2026-11-23T20:44:51Z")))
                .isEqualTo("Certificate in file \"/d/certs/exp2h.crt\" will not be valid after 2026-11-23 20:44:51 UTC.");
        assertThat(Messages.expired(file)).isEqualTo("Certificate in file \"/d/certs/exp2h.crt\" is no longer valid.");
        assertThat(Messages.rejected(file))
                .isEqualTo("Request for certificate to be stored in file \"/d/certs/exp2h.crt\" rejected by CA.");
        assertThat(Messages.issuedAndSaved(file)).isEqualTo("Certificate in file \"/d/certs/exp2h.crt\" issued by CA and saved.");
        assertThat(Messages.issuedNotSaved(file))
                .isEqualTo("Certificate in file \"/d/certs/exp2h.crt\" issued by CA but not saved.");
    }

    @Test
    void nssMessages_matchCertmonger() {
        assertThat(Messages.issuedAndSaved(nss)).isEqualTo("Certificate named \"ServerCert\" in token \"NSS Certificate DB\""
                + " in database \"sql:/d/nss\" issued by CA and saved.");
        assertThat(Messages.willExpire(nss, Instant.parse("2026-11-23T20:44:51Z"))).isEqualTo("Certificate named "
                + "\"ServerCert\" in token \"NSS Certificate DB\" in database \"sql:/d/nss\" will not be valid after "
                + "2026-11-23 20:44:51 UTC.");
    }
}
