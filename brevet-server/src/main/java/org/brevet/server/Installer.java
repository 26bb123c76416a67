package org.brevet.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.Authority;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.audit.AuditSigning;
import org.brevet.ca.ocsp.OcspSigning;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pkcs12Store;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.Secret;
import org.brevet.pki.Signer;
import org.brevet.server.config.BrevetConfig;
import org.brevet.server.config.ConfigFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code brevet ca init} (Dogtag's pkispawn) and {@code brevet ca install-cert}: builds a complete instance
 * in a staging directory next to the target and moves it into place only when everything succeeded.
 * Secrets (token PIN, key token, administrator credential and its password) are written 0600.
 */
public final class Installer {
    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    private final Clock clock;
    private final SecureRandom random;
    private final InstallSteps steps;

    public Installer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.steps = new InstallSteps(random);
    }

    /** What an install produced, for the command to print. */
    public record Result(InstanceLayout layout, Optional<Path> csr) {
    }

    /** Creates the instance; CONFLICT if one exists at the target already. */
    public Result install(InstanceLayout target, InitOptions options) {
        InstallSteps.refuseExisting(target);
        Secret adminPassword = options.adminPasswordFile().map(PasswordFiles::readSingle).orElseGet(steps::randomSecret);
        try (StagedDirectory staged = StagedDirectory.next(target.root(), random)) {
            InstanceLayout layout = InstanceLayout.of(staged.path());
            InstallSteps.createDirectories(layout);
            Secret pin = steps.writeNewPin(layout);
            InstallSteps.writeConfig(layout, options.config());
            KeyPair caKey = options.caKey().generate(random);
            if (options.externalCsr().isPresent()) {
                PrivateKeys.write(layout.pendingCaKey(), caKey.getPrivate(), pin, random);
                staged.commit();
                Path csr = options.externalCsr().get();
                AtomicFiles.writePublic(csr, CaCertificates.request(caKey, options.caSubject()).toPem()
                        .getBytes(StandardCharsets.US_ASCII));
                LOG.info("instance {} waits for its CA certificate; CSR in {}", target.root(), csr);
                return new Result(target, Optional.of(csr));
            }
            Certificate ca = CaCertificates.selfSigned(caKey, options.caSubject(), clock.instant(), random);
            complete(layout, options.config(), caKey.getPrivate(), List.of(ca), pin, adminPassword);
            staged.commit();
        }
        LOG.info("instance {} created", target.root());
        return new Result(target, Optional.empty());
    }

    /**
     * Finishes an external-CA install with the certificate the external CA issued for the pending key
     * (and, optionally, the external CA's chain up to its root).
     */
    public Result installCertificate(InstanceLayout target, Certificate caCert, List<Certificate> issuerChain,
            Optional<Path> adminPasswordFile) {
        if (!target.awaitsCaCertificate()) {
            throw new BrevetException(ErrorKind.CONFLICT, target.isInstalled()
                    ? "instance " + target.root() + " already has its CA certificate"
                    : "no instance waiting for a CA certificate at " + target.root() + " (run brevet ca init --external-ca)");
        }
        BrevetConfig config = ConfigFile.read(target.configFile(), target.root());
        Secret pin = PasswordFiles.readEntry(target.passwordFile(), PasswordFiles.INTERNAL_TOKEN);
        PrivateKey key = PrivateKeys.read(target.pendingCaKey(), pin);
        if (!caCert.publicKey().equals(PrivateKeys.publicKeyOf(key))) {
            throw BrevetException.malformed("the certificate is not for this instance's CA key (" + caCert.subject() + ")", null);
        }
        if (!caCert.isCa()) {
            throw BrevetException.malformed("the certificate is not a CA certificate (basicConstraints CA:TRUE missing)", null);
        }
        Secret adminPassword = adminPasswordFile.map(PasswordFiles::readSingle).orElseGet(steps::randomSecret);
        List<Certificate> chain = new ArrayList<>();
        chain.add(caCert);
        chain.addAll(issuerChain);
        try (StagedDirectory staged = StagedDirectory.next(target.root(), random)) {
            InstanceLayout layout = InstanceLayout.of(staged.path());
            copyInstance(target, layout);
            complete(layout, config, key, chain, pin, adminPassword);
            Files.delete(layout.pendingCaKey());
            swap(staged, target);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot finish the instance: " + e.getMessage(), e);
        }
        LOG.info("instance {} completed with the external CA's certificate", target.root());
        return new Result(target, Optional.empty());
    }

    /** CA certificate file, database, profiles, system certificates, first administrator, then the key token. */
    private void complete(InstanceLayout layout, BrevetConfig config, PrivateKey caKey, List<Certificate> chain,
            Secret pin, Secret adminPassword) {
        InstallSteps.writeCaChain(layout, chain);
        Certificate ca = chain.get(0);
        CaIdentity identity = new CaIdentity(Signer.of(caKey, ca.publicKey()), ca, chain);
        Pkcs12Store token = Pkcs12Store.empty().withKey(KeyToken.CA_SIGNING, caKey, chain);
        try (CaRuntime runtime = CaRuntime.open(layout, config, identity, AuditSigning.unsigned(),
                OcspSigning.caKey(identity), clock, random)) {
            Authority authority = runtime.authority();
            authority.installDefaultProfiles();
            for (SystemCertificates.Spec spec : SystemCertificates.all(ca.keySpec(), ca.subject(),
                    config.server().hostnames())) {
                token = token.with(spec.nickname(), steps.issue(authority, spec, chain));
            }
            token = KraSetup.addKeys(token, runtime.kraStores().keys(), spec -> steps.issue(authority, spec, chain));
            token = token.with(ScepRaCertificate.NICKNAME, steps.issue(authority, ScepRaCertificate.spec(ca.subject()), chain));
            SystemCertificates.Spec admin = SystemCertificates.admin(ca.keySpec(), ca.subject());
            Pkcs12Store.KeyEntry adminEntry = steps.issue(authority, admin, chain);
            Pkcs12Store.empty().with(admin.nickname(), adminEntry).write(layout.adminCredential(), adminPassword, random);
            AtomicFiles.writeSecret(layout.adminPasswordFile(),
                    (adminPassword.reveal() + "\n").getBytes(StandardCharsets.UTF_8));
            authority.bootstrapAdministrator(SystemCertificates.ADMIN_USER, SystemCertificates.ADMIN_FULL_NAME,
                    adminEntry.certificate().toDer());
        }
        token.write(layout.keyToken(), pin, random);
    }

    private static void copyInstance(InstanceLayout from, InstanceLayout to) throws IOException {
        InstallSteps.createDirectories(to);
        Files.copy(from.configFile(), to.configFile());
        Files.copy(from.passwordFile(), to.passwordFile(), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(from.pendingCaKey(), to.pendingCaKey(), StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Replaces the waiting instance with the completed one: old aside, new in place, old deleted. */
    private void swap(StagedDirectory staged, InstanceLayout target) throws IOException {
        Path aside = target.root().resolveSibling("." + target.root().getFileName() + ".previous");
        StagedDirectory.deleteRecursively(aside);
        Files.move(target.root(), aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            staged.commit();
        } catch (RuntimeException e) {
            Files.move(aside, target.root(), StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        StagedDirectory.deleteRecursively(aside);
    }
}
