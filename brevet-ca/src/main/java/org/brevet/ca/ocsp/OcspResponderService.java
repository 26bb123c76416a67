package org.brevet.ca.ocsp;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brevet.ca.api.OcspAnswer;
import org.brevet.ca.api.OcspResponder;
import org.brevet.ca.api.RevocationRecord;
import org.brevet.ca.api.store.RevocationRepository;
import org.brevet.ca.api.store.RevocationRepository.SerialState;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.protocol.ocsp.CertId;
import org.brevet.protocol.ocsp.CertStatus;
import org.brevet.protocol.ocsp.OcspRequest;
import org.brevet.protocol.ocsp.OcspResponseStatus;
import org.brevet.protocol.ocsp.OcspResponses;
import org.brevet.protocol.ocsp.SingleResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA's OCSP responder. Status comes from the database on every request (one read per CertID), so all
 * nodes answer alike: good, revoked (time and reason; certificateHold too), or unknown for a serial this
 * CA never issued (never "good" for unknown serials, unlike Dogtag's OCSP subsystem). A CertID of another
 * issuer gets {@code unauthorized}, undecodable input {@code malformedRequest}, an unreachable database
 * {@code tryLater}. Nonces are echoed when configured (a fresh signature); otherwise single requests are
 * answered from {@link ResponseCache}, which only serves a response signed for the status the database
 * reports now. thisUpdate is when the status was read, nextUpdate thisUpdate + validity, and cached
 * responses are re-signed at half their validity, so nextUpdate is never in the past.
 */
public final class OcspResponderService implements OcspResponder {
    private static final Logger LOG = LoggerFactory.getLogger(OcspResponderService.class);

    private final Certificate issuer;
    private final OcspSigning signing;
    private final RevocationRepository revocations;
    private final OcspConfig config;
    private final Clock clock;
    private final ResponseCache cache;

    public OcspResponderService(Certificate caCertificate, OcspSigning signing, RevocationRepository revocations,
            OcspConfig config, Clock clock) {
        this.issuer = caCertificate;
        this.signing = signing;
        this.revocations = revocations;
        this.config = config;
        this.clock = clock;
        this.cache = new ResponseCache(config.cacheEntries());
    }

    @Override
    public OcspAnswer answer(byte[] requestDer) {
        OcspRequest request;
        try {
            request = OcspRequest.parse(requestDer);
        } catch (BrevetException e) {
            LOG.debug("malformed OCSP request: {}", e.detail());
            return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.MALFORMED_REQUEST));
        }
        try {
            for (CertId id : request.certIds()) {
                if (!id.hashSupported()) {
                    return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.MALFORMED_REQUEST));
                }
                if (!id.issuedBy(issuer)) {
                    return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.UNAUTHORIZED));
                }
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            boolean echo = config.nonces() && request.nonce().isPresent();
            if (request.certIds().size() == 1 && !echo) {
                return cached(request.certIds().get(0), now);
            }
            List<SingleResponse> singles = new ArrayList<>();
            for (CertId id : request.certIds()) {
                singles.add(single(id, status(id), now));
            }
            return OcspAnswer.uncacheable(sign(singles, echo ? request.nonce() : Optional.empty(), now));
        } catch (BrevetException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                LOG.warn("OCSP: status unavailable: {}", e.detail());
                return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.TRY_LATER));
            }
            LOG.error("OCSP response failed", e);
            return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.INTERNAL_ERROR));
        } catch (RuntimeException e) {
            LOG.error("OCSP response failed", e);
            return OcspAnswer.uncacheable(OcspResponses.error(OcspResponseStatus.INTERNAL_ERROR));
        }
    }

    /** A single, nonce-less answer: pre-signed for issued certificates; cacheable by HTTP either way. */
    private OcspAnswer cached(CertId id, Instant now) {
        Optional<RevocationRecord> revocation = Optional.empty();
        boolean issued = false;
        if (id.serialNumber().isPresent()) {
            SerialState state = revocations.state(id.serialNumber().get());
            issued = state.issued();
            revocation = state.revocation();
        }
        Instant refreshAt = now.plus(config.validity().dividedBy(2));
        if (!issued) {
            // not pre-signed (any byte string makes a serial), but as cacheable as the others
            Der unknown = sign(List.of(single(id, CertStatus.UNKNOWN, now)), Optional.empty(), now);
            return new OcspAnswer(unknown, Optional.of(new OcspAnswer.Freshness(now, refreshAt)));
        }
        String tag = revocation.map(r -> "revoked:" + r.revokedAt().getEpochSecond() + ":" + r.reason().code()).orElse("good");
        CertStatus status = toStatus(revocation);
        ResponseCache.Entry entry = cache.find(id.encoded(), tag, now).orElseGet(() -> {
            Der response = sign(List.of(single(id, status, now)), Optional.empty(), now);
            ResponseCache.Entry signed = new ResponseCache.Entry(tag, response, now, refreshAt);
            cache.put(id.encoded(), signed, now);
            return signed;
        });
        return new OcspAnswer(entry.response(),
                Optional.of(new OcspAnswer.Freshness(entry.producedAt(), entry.refreshAt())));
    }

    private CertStatus status(CertId id) {
        if (id.serialNumber().isEmpty()) {
            return CertStatus.UNKNOWN;
        }
        SerialState state = revocations.state(id.serialNumber().get());
        return state.issued() ? toStatus(state.revocation()) : CertStatus.UNKNOWN;
    }

    private static CertStatus toStatus(Optional<RevocationRecord> revocation) {
        return revocation.<CertStatus>map(r -> CertStatus.revoked(r.revokedAt(), r.reason())).orElse(CertStatus.GOOD);
    }

    private SingleResponse single(CertId id, CertStatus status, Instant now) {
        return new SingleResponse(id, status, now, now.plus(config.validity()));
    }

    private Der sign(List<SingleResponse> singles, Optional<Der> nonce, Instant now) {
        return OcspResponses.basic(singles, nonce, now, signing.signer(), signing.certificate(), signing.included());
    }

    /** For tests: how many responses are cached. */
    int cachedResponses() {
        return cache.size();
    }
}
