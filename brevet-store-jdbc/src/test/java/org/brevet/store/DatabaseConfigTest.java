package org.brevet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void h2_pointsIntoTheDataDirectory_withCommitsWrittenAtOnce() {
        DatabaseConfig config = DatabaseConfig.h2(Path.of("/var/lib/brevet/ca/data"));

        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:/var/lib/brevet/ca/data/brevet;")
                .contains(";WRITE_DELAY=0");
        assertThat(config.maxPoolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void safeUrl_hidesPasswordsInParametersAndUserInfo() {
        assertThat(config("jdbc:postgresql://db:5432/brevet?user=ca&password=hunter2&ssl=true").safeUrl())
                .isEqualTo("jdbc:postgresql://db:5432/brevet?user=ca&password=***&ssl=true");
        assertThat(config("jdbc:postgresql://db/brevet?PASSWORD=hunter2").safeUrl())
                .isEqualTo("jdbc:postgresql://db/brevet?PASSWORD=***");
        assertThat(config("jdbc:postgresql://ca:hunter2@db/brevet").safeUrl())
                .isEqualTo("jdbc:postgresql://ca:***@db/brevet");
        assertThat(config("jdbc:h2:file:/x/brevet;PASSWORD=hunter2;WRITE_DELAY=0").safeUrl())
                .isEqualTo("jdbc:h2:file:/x/brevet;PASSWORD=***;WRITE_DELAY=0");
    }

    @Test
    void toString_neverShowsThePassword() {
        DatabaseConfig config = DatabaseConfig.postgresql("jdbc:postgresql://db/brevet?password=inurl", "ca",
                Secret.of("hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2", "inurl");
    }

    @Test
    void otherDatabases_areRejectedWithOneClearError() {
        assertThatThrownBy(() -> config("jdbc:mysql://db/brevet?password=hunter2"))
                .isInstanceOfSatisfying(BrevetException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED);
                    assertThat(e.detail()).contains("jdbc:h2:", "jdbc:postgresql:").doesNotContain("hunter2");
                });
    }

    private static DatabaseConfig config(String url) {
        return DatabaseConfig.postgresql(url, "ca", Secret.of("pw"));
    }
}
