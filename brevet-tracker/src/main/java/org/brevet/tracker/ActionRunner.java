package org.brevet.tracker;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Secret;
import org.brevet.tracker.api.StorageType;
import org.brevet.tracker.hook.SaveHook;
import org.brevet.tracker.keystore.KeyAndCertStore;
import org.brevet.tracker.notify.Messages;
import org.brevet.tracker.notify.Notifier;
import org.brevet.tracker.state.Action;
import org.brevet.tracker.state.CertFacts;
import org.brevet.tracker.state.Outcome;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.TrackedRequest;
import org.brevet.tracker.submit.CaDataRefresh;
import org.brevet.tracker.submit.CaEntry;
import org.brevet.tracker.submit.CaKind;
import org.brevet.tracker.submit.SubmitOutcome;
import org.brevet.tracker.submit.SubmitRequest;
import org.brevet.tracker.submit.SelfSignSubmitter;
import org.brevet.tracker.submit.Submitter;
import org.brevet.tracker.submit.Submitters;

/**
 * Performs one {@link Action} for a request and reports its {@link Outcome}: the only place where the
 * tracker touches key stores, CAs, hooks and notifications. It decides nothing; {@code StateMachine} does.
 */
final class ActionRunner implements Performer {
    private final KeyStores keys;
    private final CaRegistry cas;
    private final Submitters submitters;
    private final SaveHook hooks;
    private final Notifier notifier;
    private final CsrFactory csrs;

    ActionRunner(KeyStores keys, CaRegistry cas, Submitters submitters, SaveHook hooks, Notifier notifier, CsrFactory csrs) {
        this.keys = keys;
        this.cas = cas;
        this.submitters = submitters;
        this.hooks = hooks;
        this.notifier = notifier;
        this.csrs = csrs;
    }

    @Override
    public Outcome run(TrackedRequest r, Action action) {
        RequestSettings s = r.settings();
        return switch (action) {
            case READ_EXISTING -> readExisting(r);
            case GENERATE_KEY -> generateKey(r);
            case GENERATE_CSR -> generateCsr(r);
            case SUBMIT -> submit(r);
            case PRE_SAVE -> new Outcome.HookDone(hooks.run(s.preSaveCommand(), event(r, "pre-save")));
            case SAVE_CERT -> save(r);
            case POST_SAVE -> new Outcome.HookDone(hooks.run(s.postSaveCommand(), event(r, "post-save")));
            case CHECK_CERT -> new Outcome.Checked(readCertificate(r));
            case NOTIFY_VALIDITY -> notify(isExpired(r) ? Messages.expired(s.certStorage())
                    : Messages.willExpire(s.certStorage(), r.cert().notAfter()));
            case NOTIFY_REJECTION -> notify(Messages.rejected(s.certStorage()));
            case NOTIFY_SAVE_FAILED -> notify(Messages.issuedNotSaved(s.certStorage()));
            case NOTIFY_ISSUED -> notify(Messages.issuedAndSaved(s.certStorage()));
        };
    }

    private Outcome readExisting(TrackedRequest r) {
        try {
            return new Outcome.Found(readCertificate(r), keys.open(r.settings()).hasKey(keys.pin(r)));
        } catch (BrevetException e) {
            return new Outcome.KeyFailed(problem(e), e.detail());
        }
    }

    /** The CSR made last for this request: for an NSS database it names the key that is not yet certified. */
    private static Optional<Csr> lastRequest(TrackedRequest r) {
        return Optional.ofNullable(r.progress().csrPem()).map(Csr::parse);
    }

    private Optional<CertFacts> readCertificate(TrackedRequest r) {
        try {
            return keys.open(r.settings()).readCertificate(keys.pin(r)).map(CertFactsOf::of);
        } catch (BrevetException e) {
            return Optional.empty();
        }
    }

    private Outcome generateKey(TrackedRequest r) {
        RequestSettings s = r.settings();
        try {
            KeyAndCertStore.NewKey key = keys.open(s).generateKey(KeySpec.of(s.keyType(), s.keySize()), keys.pin(r),
                    csrs.content(s.template()));
            return new Outcome.KeyReady(key.asNext(), key.request().map(Csr::toPem).orElse(null));
        } catch (BrevetException e) {
            return new Outcome.KeyFailed(problem(e), e.detail());
        }
    }

    private Outcome generateCsr(TrackedRequest r) {
        try {
            Csr csr = keys.open(r.settings()).request(csrs.content(r.settings().template()), keys.pin(r),
                    r.progress().nextKeyPending(), lastRequest(r));
            return new Outcome.CsrReady(csr.toPem());
        } catch (BrevetException e) {
            return new Outcome.KeyFailed(problem(e), e.detail());
        }
    }

    private Outcome submit(TrackedRequest r) {
        Optional<CaEntry> ca = cas.find(r.settings().caName());
        if (ca.isEmpty()) {
            return new Outcome.NoSuchCa(r.settings().caName() == null ? "No CA is set for this request."
                    : "No matching CA \"" + r.settings().caName() + "\".");
        }
        Submitter submitter = submitters.forCa(ca.get());
        KeyAndCertStore store = keys.open(r.settings());
        Optional<KeyPair> key = Optional.empty();
        if (submitter.needsKey()) {
            try {
                key = Optional.of(store.loadKey(keys.pin(r), r.progress().nextKeyPending()));
            } catch (BrevetException e) {
                return selfSignInStore(submitter, store, r).orElseGet(() -> new Outcome.Submitted(
                        new SubmitOutcome.NeedsGuidance("Can't self-sign without access to the private key: " + e.detail())));
            }
        }
        Optional<String> current = readCurrentPem(store, keys.pin(r));
        SubmitRequest req = new SubmitRequest(ca.get().nickname(), Csr.parse(r.progress().csrPem()),
                r.settings().template(), Optional.ofNullable(r.progress().caCookie()), current, key);
        return new Outcome.Submitted(submitter.submit(req));
    }

    /** SelfSign for a store that keeps its keys (NSS): the store signs the CSR itself. */
    private Optional<Outcome> selfSignInStore(Submitter submitter, KeyAndCertStore store, TrackedRequest r) {
        if (!(submitter instanceof SelfSignSubmitter self)) {
            return Optional.empty();
        }
        try {
            return store.selfSign(Csr.parse(r.progress().csrPem()), self.validity(), keys.pin(r))
                    .map(c -> new Outcome.Submitted(new SubmitOutcome.Issued(c.toPem(), List.of())));
        } catch (BrevetException e) {
            return Optional.of(new Outcome.Submitted(new SubmitOutcome.NeedsGuidance(
                    "Can't self-sign in the key store: " + e.detail())));
        }
    }

    private static Optional<String> readCurrentPem(KeyAndCertStore store, Optional<Secret> pin) {
        try {
            return store.readCertificate(pin).map(Certificate::toPem);
        } catch (BrevetException e) {
            return Optional.empty();
        }
    }

    private Outcome save(TrackedRequest r) {
        try {
            Certificate cert = Certificate.parse(r.progress().issuedPem());
            List<Certificate> chain = r.progress().chainPem().stream().map(Certificate::parse).toList();
            Optional<Secret> pin = keys.pin(r);
            KeyAndCertStore store = keys.open(r.settings());
            if (store.hasKey(pin) || r.progress().nextKeyPending()
                    || r.settings().keyStorage().type() == StorageType.NSSDB) {
                PublicKey ours = store.publicKey(pin, r.progress().nextKeyPending(), lastRequest(r));
                if (!Arrays.equals(ours.getEncoded(), cert.publicKey().getEncoded())) {
                    return new Outcome.SaveFailed(Outcome.Problem.UNUSABLE,
                            "the issued certificate is for a different key than this request's; not saved");
                }
            }
            store.save(cert, chain, pin, r.progress().nextKeyPending());
            saveCaFiles(r, chain);
            return new Outcome.Saved(CertFactsOf.of(cert));
        } catch (BrevetException e) {
            boolean denied = e.getCause() instanceof AccessDeniedException;
            return new Outcome.SaveFailed(denied ? Outcome.Problem.PERMS : Outcome.Problem.OTHER, e.detail());
        }
    }

    /** {@code -F FILE}: the CA's certificates (chain sent with the certificate, else the CA's known roots), 0644. */
    private void saveCaFiles(TrackedRequest r, List<Certificate> chain) {
        if (r.settings().caFiles().isEmpty()) {
            return;
        }
        List<String> pems = chain.isEmpty() ? knownRoots(r.settings().caName())
                : chain.stream().map(Certificate::toPem).toList();
        if (pems.isEmpty()) {
            return;
        }
        byte[] bytes = String.join("", pems).getBytes(StandardCharsets.US_ASCII);
        for (String f : r.settings().caFiles()) {
            AtomicFiles.writePublic(Path.of(f), bytes);
        }
    }

    /** The CA's roots; for a helper CA whose data refresh has not finished yet, fetched now. */
    private List<String> knownRoots(String caName) {
        Optional<CaEntry> ca = cas.find(caName);
        if (ca.isEmpty()) {
            return List.of();
        }
        if (ca.get().rootCertsPem().isEmpty() && ca.get().kind() == CaKind.EXTERNAL) {
            return CaDataRefresh.fetchRoots(ca.get(), submitters.helper(ca.get()));
        }
        return ca.get().rootCertsPem();
    }

    private Outcome notify(String message) {
        notifier.send(message);
        return new Outcome.Notified();
    }

    /** Before saving, the current certificate is the old one and the issued one the new; after, the machine remembers the old serial. */
    private static SaveHook.Event event(TrackedRequest r, String kind) {
        RequestSettings s = r.settings();
        String current = r.cert() == null ? null : r.cert().serial();
        String issued = r.progress().issuedPem() == null ? null
                : Certificate.parse(r.progress().issuedPem()).serial().toHex();
        boolean before = issued != null;
        return new SaveHook.Event(kind, r.id(), s.caName(), s.certStorage().location(), s.keyStorage().location(),
                before ? current : r.progress().previousSerial(), before ? issued : current);
    }

    /** The validity notice fired at or after expiry (the check time is recorded when it fires). */
    private static boolean isExpired(TrackedRequest r) {
        return r.progress().lastNotifyCheck() != null && !r.progress().lastNotifyCheck().isBefore(r.cert().notAfter());
    }

    private static Outcome.Problem problem(BrevetException e) {
        if (e.kind() == ErrorKind.UNAUTHORIZED) {
            return Outcome.Problem.PIN;
        }
        return e.getCause() instanceof AccessDeniedException ? Outcome.Problem.PERMS : Outcome.Problem.OTHER;
    }
}
