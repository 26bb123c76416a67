package org.brevet.tracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock for end-to-end tests ({@code --clock-offset-file}): the system clock plus a number of
 * seconds read from a file, so a test renews certificates by moving time forward instead of waiting. The
 * file is re-read when it changes; a missing or empty file means no offset.
 */
final class OffsetClock extends Clock {
    private final Clock base;
    private final Path file;
    private volatile long lastModified = Long.MIN_VALUE;
    private volatile Duration offset = Duration.ZERO;

    OffsetClock(Clock base, Path file) {
        this.base = base;
        this.file = file;
    }

    /** Re-reads the file if it changed; true when the offset changed. */
    boolean refresh() {
        long mtime;
        try {
            mtime = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            if (mtime == lastModified) {
                return false;
            }
            lastModified = mtime;
            String text = mtime == 0 ? "" : Files.readString(file).strip();
            Duration next = text.isEmpty() ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(text));
            boolean changed = !next.equals(offset);
            offset = next;
            return changed;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Instant instant() {
        refresh();
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
