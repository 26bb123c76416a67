package org.brevet.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.brevet.pki.BrevetException;
import org.brevet.tracker.notify.Notifier;
import org.brevet.tracker.state.Thresholds;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

    @Test
    void emptyFile_givesCertmongersDefaults() {
        TrackerConfig c = TrackerConfig.defaults();

        assertThat(c.enrollTtls()).isEqualTo(Thresholds.certmongerDefault());
        assertThat(c.notifyTtls()).isEqualTo(Thresholds.certmongerDefault());
        assertThat(c.notificationMethod()).isEqualTo(Notifier.Method.SYSLOG);
        assertThat(c.keyType()).isEqualTo("RSA");
        assertThat(c.rsaKeySize()).isEqualTo(2048);
        assertThat(c.selfSignValidity()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void certmongerStyleFile_isRead() {
        TrackerConfig c = TrackerConfig.parse("""
                # comment
                [defaults]
                ttls = 86400
                enroll_ttls = 604800, 3600
                notification_method = mailto
                notification_destination = admin@example.test
                key_type = ECDSA
                digest = sha512
                [selfsign]
                validity_period = 2w3d
                [tracker]
                max_parallel_submissions = 2
                """);

        assertThat(c.enrollTtls().ttls()).containsExactly(Duration.ofDays(7), Duration.ofHours(1));
        assertThat(c.notifyTtls().ttls()).containsExactly(Duration.ofDays(1));
        assertThat(c.notificationMethod()).isEqualTo(Notifier.Method.MAIL);
        assertThat(c.keyType()).isEqualTo("EC");
        assertThat(c.selfSignValidity()).isEqualTo(Duration.ofDays(17));
        assertThat(c.maxParallelSubmissions()).isEqualTo(2);
        assertThat(c.warnings()).containsExactly("defaults.digest: not supported by this tracker, ignored");
    }

    @Test
    void unknownKey_isAnError_namingSectionAndKey() {
        assertThatThrownBy(() -> TrackerConfig.parse("[defaults]\nenrol_ttls = 1\n"))
                .isInstanceOf(BrevetException.class).hasMessage("defaults.enrol_ttls: unknown setting");
    }

    @Test
    void badValues_areErrors() {
        assertThatThrownBy(() -> TrackerConfig.parse("[defaults]\nnotify_ttls = soon\n"))
                .hasMessageContaining("defaults.notify_ttls");
        assertThatThrownBy(() -> TrackerConfig.parse("[defaults]\nrsa_key_size = 1024\n"))
                .hasMessageContaining("at least 2048");
    }
}
