package org.brevet.ca.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The profiles Brevet ships, as classpath resources {@code /org/brevet/ca/profiles/<id>.yaml}; loaded into
 * the database by {@code Authority.installDefaultProfiles()}.
 */
public final class ShippedProfiles {
    /** Every shipped profile id; a test checks that this list and the resource directory agree. */
    public static final List<String> IDS = List.of(
            "caServerCert", "caECServerCert", "caUserCert", "caSubsystemCert", "caECSubsystemCert", "caOCSPCert",
            "caAuditSigningCert", "caSignedLogCert", "caCACert", "caIPAserviceCert", "caAdminCert",
            "caTransportCert", "caStorageCert");

    private ShippedProfiles() {
    }

    /** The definition text of a shipped profile. */
    public static String text(String id) {
        String resource = "/org/brevet/ca/profiles/" + id + ".yaml";
        try (InputStream in = ShippedProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped profile missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
