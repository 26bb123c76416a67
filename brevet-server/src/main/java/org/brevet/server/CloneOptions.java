package org.brevet.server;

import java.nio.file.Path;
import java.util.Objects;
import org.brevet.pki.Secret;
import org.brevet.server.config.BrevetConfig;

/**
 * What {@code brevet ca clone} was asked for, already typed and checked.
 *
 * @param config   the clone's configuration (its own listeners; the master's PostgreSQL database)
 * @param keys     the PKCS#12 backup written by {@code ca export-keys}
 * @param password its password
 */
public record CloneOptions(BrevetConfig config, Path keys, Secret password) {
    public CloneOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(password, "password");
    }
}
