package org.brevet.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code brevet --version}: the version the jar's manifest carries, or "development" from a source tree. */
final class BrevetVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = BrevetVersion.class.getPackage().getImplementationVersion();
        return new String[] {"brevet " + (v == null ? "development" : v)};
    }
}
