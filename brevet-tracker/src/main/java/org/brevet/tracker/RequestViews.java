package org.brevet.tracker;

import org.brevet.tracker.api.CaInfo;
import org.brevet.tracker.api.RequestInfo;
import org.brevet.tracker.api.RequestState;
import org.brevet.tracker.store.LoadResult;
import org.brevet.tracker.keystore.PinVault;
import org.brevet.tracker.state.CertFacts;
import org.brevet.tracker.state.RequestSettings;
import org.brevet.tracker.state.TrackedRequest;
import org.brevet.tracker.submit.CaEntry;

/** What getcert is shown of requests and CAs. */
final class RequestViews {
    private RequestViews() {
    }

    static RequestInfo of(TrackedRequest r, PinVault pins) {
        RequestSettings s = r.settings();
        CertFacts c = r.cert();
        return new RequestInfo(r.id(), r.state(), r.progress().caError(), s.keyStorage(),
                s.pinFile() == null && pins.hasInMemory(r.id()), s.pinFile(), s.certStorage(), s.caName(),
                c == null ? null : c.issuer(), c == null ? null : c.subject(), c == null ? null : c.serial(),
                c == null ? null : c.notBefore(), c == null ? null : c.notAfter(),
                c == null ? null : c.email(), c == null ? null : c.dns(), c == null ? null : c.principal(),
                c == null ? null : c.ipAddress(), c == null ? null : c.keyUsage(), c == null ? null : c.extendedKeyUsage(),
                s.template().profile(), s.template().issuer(), s.preSaveCommand(), s.postSaveCommand(),
                r.progress().hookError(), s.track(), s.autoRenew(), r.progress().nextAttempt());
    }

    /** A request file that could not be read: shown as INVALID with the reason, named after the file. */
    static RequestInfo broken(LoadResult.Broken b) {
        return new RequestInfo(b.file().getFileName().toString(), RequestState.INVALID,
                "request file " + b.file() + " could not be read: " + b.reason(), null, false, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, false, null);
    }

    static CaInfo of(CaEntry ca, String configPath) {
        return new CaInfo(ca.nickname(), ca.aka(), ca.isDefault(), ca.kind().label(), ca.helperCommand(), null, null,
                ca.defaultProfile(), ca.profiles(), null, ca.caError(), configPath);
    }
}
