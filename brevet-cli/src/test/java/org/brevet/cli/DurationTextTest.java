package org.brevet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.brevet.pki.BrevetException;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void shortAndIsoForms_parse() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anythingElse_isOneClearError() {
        assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(BrevetException.class)
                .hasMessageContaining("not a duration: 'soon'");
    }
}
