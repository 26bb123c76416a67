package org.brevet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.brevet.kra.KraKeys;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraInstallerTest {
    @TempDir
    Path dir;

    @Test
    void caInit_createsRsaTransportAndStorageCertificatesIssuedByTheCa() {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        KeyToken token = KeyToken.open(layout);
        Certificate ca = token.caIdentity().certificate();

        for (String nickname : new String[] {KraKeys.TRANSPORT_NICKNAME, KraKeys.STORAGE_NICKNAME}) {
            Certificate cert = token.entry(nickname).certificate();
            assertThat(cert.keySpec()).isEqualTo(KeySpec.RSA_2048);
            assertThat(cert.issuer()).isEqualTo(ca.subject());
            assertThat(cert.verifiedBy(ca.publicKey())).isTrue();
        }
        assertThat(token.entry(KraKeys.TRANSPORT_NICKNAME).certificate().subject().toString())
                .contains("DRM Transport Certificate");
    }

    @Test
    void kraInit_onAnInstanceWithoutKraKeys_addsThem_andRefusesASecondTime() {
        InstanceLayout layout = TestInstances.create(dir.resolve("ca"), KeySpec.EC_P256);
        Secret pin = PasswordFiles.readEntry(layout.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        Pkcs12Store.read(layout.keyToken(), pin).without(KraKeys.TRANSPORT_NICKNAME).without(KraKeys.STORAGE_NICKNAME)
                .write(layout.keyToken(), pin, new SecureRandom());
        KraInstaller installer = new KraInstaller(Clock.systemUTC(), new SecureRandom());

        String subject = installer.addTo(layout);
        BrevetException again = catchThrowableOfType(BrevetException.class, () -> installer.addTo(layout));

        assertThat(subject).contains("DRM Transport Certificate");
        assertThat(KeyToken.open(layout).find(KraKeys.STORAGE_NICKNAME)).isPresent();
        assertThat(KeyToken.open(layout).find(org.brevet.server.KeyToken.CA_SIGNING)).isPresent();
        assertThat(again.kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(again.detail()).contains("already exist");
    }
}
