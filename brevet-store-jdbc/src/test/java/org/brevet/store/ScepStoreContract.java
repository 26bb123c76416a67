package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.ScepPassword;
import org.brevet.ca.api.store.ScepRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ScepRepository} (schema V5), run on each database by a subclass. */
abstract class ScepStoreContract {
    private static final Instant T = Records.T0.truncatedTo(ChronoUnit.SECONDS);

    private JdbcStore store;
    private ScepRepository scep;

    abstract DatabaseConfig freshDatabase();

    @BeforeEach
    void openStore() {
        store = JdbcStore.open(freshDatabase());
        scep = store.scep();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ScepPassword password(String hash, Duration validFor) {
        return new ScepPassword(hash, Optional.of("CN=device.example.com"), T, T.plus(validFor), Optional.of("agent1"),
                Optional.empty());
    }

    @Test
    void password_roundTrips_andIsConsumedOnce() {
        scep.insertPassword(password("aa11", Duration.ofHours(1)));
        assertThat(scep.findPassword("aa11")).contains(password("aa11", Duration.ofHours(1)));

        assertThat(scep.consumePassword("aa11", T.plusSeconds(60))).isTrue();
        assertThat(scep.consumePassword("aa11", T.plusSeconds(61))).isFalse();
        assertThat(scep.findPassword("aa11").orElseThrow().usedAt()).contains(T.plusSeconds(60));
    }

    @Test
    void expiredOrUnknownPassword_isNotConsumed() {
        scep.insertPassword(password("bb22", Duration.ofMinutes(5)));
        assertThat(scep.consumePassword("bb22", T.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(scep.consumePassword("nope", T)).isFalse();
        assertThat(scep.findPassword("bb22").orElseThrow().usedAt()).isEmpty();
        assertThat(scep.findPassword("nope")).isEmpty();
    }

    @Test
    void transaction_isSaved_andMovedToANewerRequest() {
        assertThat(scep.findTransaction("tx-1")).isEmpty();
        scep.saveTransaction("tx-1", new RequestId(11), T);
        assertThat(scep.findTransaction("tx-1")).contains(new RequestId(11));
        scep.saveTransaction("tx-1", new RequestId(12), T.plusSeconds(1));
        assertThat(scep.findTransaction("tx-1")).contains(new RequestId(12));
    }
}
