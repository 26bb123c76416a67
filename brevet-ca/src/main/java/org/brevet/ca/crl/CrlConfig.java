package org.brevet.ca.crl;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CRL issuing point (Dogtag's {@code ca.crl.MasterCRL.*}).
 *
 * @param issuingPoint      its name, {@code MasterCRL}
 * @param distributionPoint the URL in the issuing distribution point extension (the profiles' CRL DP)
 * @param updateInterval    full CRLs are due this often; nextUpdate = thisUpdate + updateInterval
 * @param deltas            whether delta CRLs are generated
 * @param deltaInterval     delta CRLs are due this often; their nextUpdate = thisUpdate + deltaInterval
 * @param deltaUrl          where the delta CRL is published (FreshestCRL in full CRLs), if deltas are on
 * @param deltaOverlap      a delta lists changes from this long before its base CRL's thisUpdate, to cover
 *                          clock skew between nodes and transactions committing late
 * @param keepExpired       how long an entry stays after its certificate expired (zero: leaves at expiry)
 * @param startingNumber    the first CRL number (Dogtag's startingCrlNumber)
 * @param workDirectory     where entries are spooled while a CRL is built
 * @param dailyTimes        times of day (UTC) at which a full CRL is also due (Dogtag's dailyUpdates); UTC so
 *                          that nodes in different time zones agree
 */
public record CrlConfig(String issuingPoint, String distributionPoint, Duration updateInterval, boolean deltas,
        Duration deltaInterval, Optional<String> deltaUrl, Duration deltaOverlap, Duration keepExpired,
        BigInteger startingNumber, Path workDirectory, List<LocalTime> dailyTimes) {
    public static final String MASTER_CRL = "MasterCRL";

    public CrlConfig {
        Objects.requireNonNull(issuingPoint, "issuingPoint");
        Objects.requireNonNull(distributionPoint, "distributionPoint");
        positive(updateInterval, "CRL update interval");
        positive(deltaInterval, "delta CRL update interval");
        Objects.requireNonNull(deltaUrl, "deltaUrl");
        if (deltaOverlap.isNegative() || keepExpired.isNegative()) {
            throw new IllegalArgumentException("CRL deltaOverlap and keepExpired cannot be negative");
        }
        if (startingNumber.signum() < 0) {
            throw new IllegalArgumentException("the starting CRL number cannot be negative");
        }
        Objects.requireNonNull(workDirectory, "workDirectory");
        dailyTimes = Objects.requireNonNull(dailyTimes, "dailyTimes").stream().distinct().sorted().toList();
    }

    /**
     * When the full CRL after one issued at {@code thisUpdate} is due, which is also that CRL's nextUpdate:
     * the update interval later, or the first daily time after it, whichever comes first.
     */
    public Instant nextFullUpdate(Instant thisUpdate) {
        Instant next = thisUpdate.plus(updateInterval);
        LocalDate day = thisUpdate.atZone(ZoneOffset.UTC).toLocalDate();
        for (int d = 0; d <= 1 && !dailyTimes.isEmpty(); d++) {
            for (LocalTime time : dailyTimes) {
                Instant at = day.plusDays(d).atTime(time).toInstant(ZoneOffset.UTC);
                if (at.isAfter(thisUpdate)) {
                    return at.isBefore(next) ? at : next;
                }
            }
        }
        return next;
    }

    /** MasterCRL every 4 hours (Dogtag's autoUpdateInterval), no deltas, entries leave at expiry, numbers from 1. */
    public static CrlConfig master(String distributionPoint, Path workDirectory) {
        return new CrlConfig(MASTER_CRL, distributionPoint, Duration.ofHours(4), false, Duration.ofMinutes(15),
                Optional.empty(), Duration.ofMinutes(5), Duration.ZERO, BigInteger.ONE, workDirectory, List.of());
    }

    public CrlConfig withDeltas(Duration interval, String url) {
        return new CrlConfig(issuingPoint, distributionPoint, updateInterval, true, interval, Optional.of(url),
                deltaOverlap, keepExpired, startingNumber, workDirectory, dailyTimes);
    }

    public CrlConfig withUpdateInterval(Duration interval) {
        return new CrlConfig(issuingPoint, distributionPoint, interval, deltas, deltaInterval, deltaUrl, deltaOverlap,
                keepExpired, startingNumber, workDirectory, dailyTimes);
    }

    public CrlConfig withKeepExpired(Duration keep) {
        return new CrlConfig(issuingPoint, distributionPoint, updateInterval, deltas, deltaInterval, deltaUrl, deltaOverlap,
                keep, startingNumber, workDirectory, dailyTimes);
    }

    public CrlConfig withDailyTimes(List<LocalTime> times) {
        return new CrlConfig(issuingPoint, distributionPoint, updateInterval, deltas, deltaInterval, deltaUrl, deltaOverlap,
                keepExpired, startingNumber, workDirectory, times);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
