package org.brevet.ca.testing;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.brevet.ca.Authority;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.ProfileRecord;
import org.brevet.ca.api.Role;
import org.brevet.ca.profile.ProfileParser;

/** An authority on in-memory repositories with the shipped profiles installed. */
public final class Harness {
    public static final Caller AGENT = Caller.user("agent1", Set.of(Role.AGENT));
    public static final Caller ADMIN = Caller.user("admin", Set.of(Role.ADMINISTRATOR));
    public static final Caller PLAIN_USER = Caller.user("bob", Set.of());

    public final InMemoryStore store = new InMemoryStore();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final MutableClock clock = new MutableClock(TestCa.START);
    public final CaIdentity ca;
    public final Authority authority;

    public Harness() {
        this(TestCa.identity());
    }

    public Harness(CaIdentity ca) {
        this.ca = ca;
        this.authority = Authority.create(TestCa.URLS, ca, store.repositories(), audit, clock, new SecureRandom());
        authority.installDefaultProfiles();
    }

    /** Stores a profile directly (validated by the parser), as an admin would add it. */
    public void storeProfile(String yaml) {
        String id = new ProfileParser().parse(yaml).id();
        store.repositories().profiles().insert(new ProfileRecord(id, true, yaml, clock.instant(), Optional.of("admin")));
    }

    /** A profile that issues at once to anyone. */
    public static final String AUTO_PROFILE = """
            id: autoServer
            name: Automatic server certificates
            approval: auto
            policy:
              keyTypes:
                - type: ec
                - type: rsa
              subjectPattern: "CN=.*"
              maxValidityDays: 90
            defaults:
              validityDays: 90
              keyUsage:
                usages: [digitalSignature]
              extendedKeyUsage:
                usages: [serverAuth]
              subjectKeyIdentifier: true
              authorityKeyIdentifier: true
              subjectAltNames: {fromCsr: true, commonNameToDns: true}
            """;
}
