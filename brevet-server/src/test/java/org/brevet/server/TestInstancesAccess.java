package org.brevet.server;

import java.nio.file.Path;
import org.brevet.pki.KeySpec;

/** {@link TestInstances} for tests in other packages (the command tests). */
public final class TestInstancesAccess {
    private TestInstancesAccess() {
    }

    public static InstanceLayout create(Path dir, KeySpec key) {
        return TestInstances.create(dir, key);
    }
}
