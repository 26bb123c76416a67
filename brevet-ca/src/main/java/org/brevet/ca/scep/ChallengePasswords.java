package org.brevet.ca.scep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.brevet.ca.api.ScepChallenge;
import org.brevet.ca.api.ScepPassword;
import org.brevet.ca.api.store.ScepRepository;
import org.brevet.pki.BrevetException;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Secret;

/**
 * One-time challenge passwords: 144 random bits, stored as their SHA-256 only; each is consumed by one
 * enrollment and only before it expires, and a password bound to a subject enrolls that subject alone.
 */
final class ChallengePasswords {
    private static final int PASSWORD_BYTES = 18;

    private final ScepRepository store;
    private final Clock clock;
    private final SecureRandom random;

    ChallengePasswords(ScepRepository store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    ScepChallenge create(String agent, Optional<DistinguishedName> subject, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero()) {
            throw new BrevetException(ErrorKind.MALFORMED, "a challenge password must be valid for a positive duration");
        }
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        Secret password = Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        Instant now = clock.instant();
        Optional<String> dn = subject.map(DistinguishedName::rfc4514);
        store.insertPassword(new ScepPassword(hash(password), dn, now, now.plus(validFor), Optional.of(agent),
                Optional.empty()));
        return new ScepChallenge(password, dn, now.plus(validFor));
    }

    /**
     * Consumes the password for an enrollment of {@code subject}: the agent who created it, or empty when it
     * is unknown, used, expired or bound to another subject (then it stays as it was).
     */
    Optional<String> consume(Secret password, DistinguishedName subject) {
        String hash = hash(password);
        Instant now = clock.instant();
        Optional<ScepPassword> stored = store.findPassword(hash);
        if (stored.isEmpty() || !stored.get().isUsableAt(now)) {
            return Optional.empty();
        }
        if (stored.get().subject().isPresent()
                && !DistinguishedName.parse(stored.get().subject().get()).equals(subject)) {
            return Optional.empty();
        }
        if (!store.consumePassword(hash, now)) {
            return Optional.empty();
        }
        return Optional.of(stored.get().createdBy().orElse("unknown"));
    }

    static String hash(Secret password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(password.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
