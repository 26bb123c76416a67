package org.brevet.ca.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * Appends audit events to {@code <auditDir>/ca_audit}, one line each, in Dogtag's record shape:
 * <pre>0.main - [23/Nov/2026:20:40:00 +0000] [AuditEvent=CERT_REQUEST_PROCESSED][SubjectID=agent1][Outcome=Success][ReqID=42][CertSerialNum=0x1f]</pre>
 * {@link #append} returns only once the line is on disk (written and forced). Concurrent callers share
 * forces (group commit): a caller whose line an earlier force already covered does not force again.
 * When the file cannot be written the caller gets {@code BrevetException(UNAVAILABLE)} and must not go on
 * with the audited action. Values are sanitised so that a field can never start a new line or a new field.
 * Signing and hash chaining come later; they replace this writer, not its callers.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {
    static final String FILE_NAME = "ca_audit";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private long written;
    private volatile long forced;

    private FileAuditLog(Path file, FileChannel channel, Clock clock) throws IOException {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
        this.written = channel.size();
        this.forced = written;
    }

    /** Opens (creating if needed, owner-only) {@code auditDir/ca_audit} for appending. */
    public static FileAuditLog open(Path auditDir, Clock clock) {
        Path file = auditDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(auditDir);
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND));
            return new FileAuditLog(file, channel, clock);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(AuditEvent event) {
        byte[] line = format(event).getBytes(StandardCharsets.UTF_8);
        long end;
        try {
            synchronized (writeLock) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                written += line.length;
                end = written;
            }
            forceThrough(end);
        } catch (IOException | RuntimeException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private void forceThrough(long end) throws IOException {
        if (forced >= end) {
            return;
        }
        synchronized (forceLock) {
            if (forced >= end) {
                return;
            }
            long target;
            synchronized (writeLock) {
                target = written;
            }
            channel.force(false);
            forced = target;
        }
    }

    String format(AuditEvent event) {
        StringBuilder b = new StringBuilder(160);
        b.append("0.").append(clean(Thread.currentThread().getName())).append(" - [")
                .append(TIME.format(clock.instant())).append("] ")
                .append("[AuditEvent=").append(clean(event.name())).append(']')
                .append("[SubjectID=").append(clean(event.subjectId())).append(']')
                .append("[Outcome=").append(event.outcome() == AuditEvent.Outcome.SUCCESS ? "Success" : "Failure").append(']');
        for (Map.Entry<String, String> f : event.fields().entrySet()) {
            b.append('[').append(clean(f.getKey())).append('=').append(clean(f.getValue())).append(']');
        }
        return b.append('\n').toString();
    }

    /** Control characters become '?', and ']' and '\' are escaped, so one value cannot forge another field or line. */
    static String clean(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                b.append('?');
            } else if (c == ']' || c == '\\' || c == '[') {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot close the audit log " + file, e);
        }
    }
}
