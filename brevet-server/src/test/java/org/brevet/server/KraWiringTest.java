package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.brevet.ca.api.ArchivedKeyId;
import org.brevet.ca.api.Caller;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.KeyArchivalRequest;
import org.brevet.ca.api.KeyRecovery;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.ca.api.Role;
import org.brevet.kra.Kra;
import org.brevet.kra.KraKeys;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Secret;
import org.brevet.protocol.crmf.ArchiveOptions;
import org.brevet.protocol.crmf.KeyWrapAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kra.recovery.approvals = 2} from brevet.conf reaches the KRA the server wiring builds (KraWiring over
 * the instance token, CaRuntime and its database): one approval is not
 * enough to retrieve, a second distinct agent's is.
 */
class KraWiringTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void twoApprovalsConfigured_retrieveWithOne_isConflict_withTwo_succeeds() {
        InstanceLayout layout = InstanceLayout.of(dir.resolve("ca"));
        new Installer(Clock.systemUTC(), RANDOM).install(layout, new InitOptions(TestInstances.config("kra.recovery.approvals = 2\n"),
                TestInstances.SUBJECT, KeySpec.EC_P256, java.util.Optional.empty(), java.util.Optional.empty()));
        KeyToken token = KeyToken.open(layout);
        var config = org.brevet.server.config.ConfigFile.read(layout.configFile(), layout.root());
        try (CaRuntime runtime = CaRuntime.open(layout, config, token.caIdentity(),
                org.brevet.ca.audit.AuditSigning.unsigned(), org.brevet.ca.ocsp.OcspSigning.caKey(token.caIdentity()),
                Clock.systemUTC(), RANDOM)) {
            Kra kra = KraWiring.open(token, runtime, token.caIdentity(), config, Clock.systemUTC(), RANDOM).orElseThrow();
            KeyPair user = KeySpec.RSA_2048.generate(RANDOM);
            CertificateRecord cert = runtime.authority().issueSystemCertificate("caUserCert",
                    DistinguishedName.parse("UID=alice,CN=Alice"), user.getPublic(), List.of());
            ArchivedKeyId keyId = kra.archive().archive(new KeyArchivalRequest(cert.requestId(),
                    ArchiveOptions.wrap(user.getPrivate(), token.entry(KraKeys.TRANSPORT_NICKNAME).certificate().publicKey(),
                            KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD, RANDOM).toDer(),
                    PublicKeys.toDer(user.getPublic()), cert.subject()));
            KeyRecovery recovery = kra.recovery();
            Caller alice = Caller.user("caadmin", Set.of(Role.AGENT));
            Caller bob = Caller.user("bob", Set.of(Role.AGENT));

            RecoveryRequest asked = recovery.requestRecovery(alice, Certificate.fromDer(cert.der()).serial());
            recovery.approve(alice, asked.id());
            BrevetException early = org.assertj.core.api.Assertions.catchThrowableOfType(BrevetException.class,
                    () -> recovery.retrieve(alice, asked.id(), Secret.of("pw")));
            RecoveryRequest approved = recovery.approve(bob, asked.id());

            assertThat(asked.keyId()).isEqualTo(keyId);
            assertThat(asked.requiredApprovals()).isEqualTo(2);
            assertThat(early.kind()).isEqualTo(ErrorKind.CONFLICT);
            assertThat(approved.status()).isEqualTo(RecoveryRequest.Status.APPROVED);
            assertThat(recovery.retrieve(alice, asked.id(), Secret.of("pw")).length()).isPositive();
        }
    }
}
