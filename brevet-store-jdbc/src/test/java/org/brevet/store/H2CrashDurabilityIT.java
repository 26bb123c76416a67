package org.brevet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** kill -9 durability of the embedded H2 database as {@link DatabaseConfig#h2} configures it. */
class H2CrashDurabilityIT extends CrashDurabilityContract {
    @Override
    DatabaseConfig database() {
        try {
            return DatabaseConfig.h2(Files.createDirectories(workDir.resolve("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
