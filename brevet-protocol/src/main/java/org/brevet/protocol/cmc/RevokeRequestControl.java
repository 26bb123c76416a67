package org.brevet.protocol.cmc;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.Secret;

/**
 * A revokeRequest control (RFC 5272 §6.11).
 *
 * @param reason the CRLReason code (0 unspecified, 1 keyCompromise, ...)
 * @param passphrase the shared secret of an unsigned revocation, if any
 */
public record RevokeRequestControl(DistinguishedName issuer, BigInteger serial, int reason, Optional<Instant> invalidityDate,
        Optional<Secret> passphrase, Optional<String> comment) {
}
