package org.brevet.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The cluster store contract on embedded H2 (one node: the lease is trivially its own). */
class H2ClusterStoreTest extends ClusterStoreContract {
    @TempDir
    Path dataDir;

    @Override
    DatabaseConfig freshDatabase() {
        return DatabaseConfig.h2(dataDir);
    }
}
