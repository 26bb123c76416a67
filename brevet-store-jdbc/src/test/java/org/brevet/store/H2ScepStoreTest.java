package org.brevet.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SCEP store contract on embedded H2. */
class H2ScepStoreTest extends ScepStoreContract {
    @TempDir
    Path dataDir;

    @Override
    DatabaseConfig freshDatabase() {
        return DatabaseConfig.h2(dataDir);
    }
}
