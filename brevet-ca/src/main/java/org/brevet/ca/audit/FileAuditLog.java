package org.brevet.ca.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.AuditLog;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to {@code <auditDir>/ca_audit}, one line each, in Dogtag's record shape, made
 * tamper-evident by a hash chain (see {@link AuditChain}):
 * <pre>0.main - [23/Nov/2026:20:40:00 +0000] [AuditEvent=CERT_REQUEST_PROCESSED][SubjectID=agent1][Outcome=Success][ReqID=42][CertSerialNum=0x1f][Chain=9c1f...]</pre>
 * {@link #append} returns once the line has been handed to the operating system (it survives the death
 * of the JVM). Every {@link AuditSigning#interval()} (checked on append and by a timer), at rollover and
 * at {@link #close}, the file is forced to disk and, with a signer, an {@code AUDIT_LOG_SIGNING} record
 * signed with the audit signing key seals the chain so far (Dogtag's signed audit). When the file reaches
 * {@link AuditSigning#maxFileBytes()} it is sealed and renamed {@code ca_audit.<yyyyMMddHHmmssSSS>}; the
 * chain continues in the new file. Verify with {@link AuditVerifier}.
 * <p>
 * When a line cannot be written the caller gets {@code BrevetException(UNAVAILABLE)} and must not go on
 * with the audited action; the log then stays failed (every later append is refused too), because the
 * chain may have a torn line. Values are sanitised so that a field can never start a new line or field.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {
    static final String FILE_NAME = "ca_audit";
    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ROLLED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Path file;
    private final Clock clock;
    private final AuditSigning signing;
    private final Object lock = new Object();
    private final ScheduledExecutorService timer;
    private FileChannel channel;
    private byte[] last;
    private long written;
    private int unsealed;
    private Instant sealDue;
    private String failure;

    private FileAuditLog(Path dir, FileChannel channel, byte[] last, Clock clock, AuditSigning signing,
            boolean withTimer) throws IOException {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
        this.channel = channel;
        this.last = last;
        this.clock = clock;
        this.signing = signing;
        this.written = channel.size();
        this.sealDue = clock.instant().plus(signing.interval());
        if (withTimer) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "audit-sealer");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(100, signing.interval().toMillis());
            timer.scheduleWithFixedDelay(this::sealIfDue, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /** A hash-chained log, forced every 5 s, without signatures (callers of the foundation). */
    public static FileAuditLog open(Path auditDir, Clock clock) {
        return open(auditDir, clock, AuditSigning.unsigned());
    }

    /**
     * Opens (creating if needed, owner-only) {@code auditDir/ca_audit} for appending, continuing the chain
     * of the existing files, and starts the timer that seals the log on the signing interval.
     */
    public static FileAuditLog open(Path auditDir, Clock clock, AuditSigning signing) {
        return open(auditDir, clock, signing, true);
    }

    /** As {@link #open(Path, Clock, AuditSigning)}; without the timer sealing happens only on append, rollover and close. */
    static FileAuditLog open(Path auditDir, Clock clock, AuditSigning signing, boolean withTimer) {
        Path file = auditDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(auditDir);
            FileChannel channel = openFile(file);
            dropTornLine(file, channel);
            byte[] last = lastChain(auditDir, file);
            return new FileAuditLog(auditDir, channel, last, clock, signing, withTimer);
        } catch (IOException | RuntimeException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileChannel openFile(Path file) throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** A line the JVM died while writing was never acknowledged: cut it so the chain continues from the last whole line. */
    private static void dropTornLine(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        long keep = AuditFiles.lastNewline(file, size) + 1;
        if (keep < size) {
            LOG.warn("audit log {}: dropping {} bytes of an unfinished last line", file, size - keep);
            try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncate.truncate(keep);
                truncate.force(false);
            }
        }
    }

    private static byte[] lastChain(Path dir, Path current) throws IOException {
        List<Path> files = AuditFiles.inOrder(dir);
        for (int i = files.size() - 1; i >= 0; i--) {
            String line = AuditFiles.lastLine(files.get(i));
            if (line == null) {
                continue;
            }
            return AuditChain.parse(line).map(AuditChain.Parsed::chain).orElseThrow(() -> new IOException(
                    "the last line of " + current.getFileName() + " has no chain value; move the old file away"));
        }
        return AuditChain.GENESIS;
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(AuditEvent event) {
        String content = format(event);
        synchronized (lock) {
            try {
                writeLocked(content);
                Instant now = clock.instant();
                if (!now.isBefore(sealDue)) {
                    sealLocked(now);
                }
                if (written >= signing.maxFileBytes()) {
                    rollOverLocked(now);
                }
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    /** Forces the file and, with a signer, writes an {@code AUDIT_LOG_SIGNING} record now (if lines are unsealed). */
    public void sealNow() {
        synchronized (lock) {
            try {
                checkUsable();
                sealLocked(clock.instant());
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            }
        }
    }

    private void sealIfDue() {
        try {
            synchronized (lock) {
                if (failure == null && channel != null && unsealed > 0 && !clock.instant().isBefore(sealDue)) {
                    sealLocked(clock.instant());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot seal the audit log {}: {}", file, e.toString());
            synchronized (lock) {
                failure = "sealing failed: " + e.getMessage();
            }
        }
    }

    private void writeLocked(String content) throws IOException {
        checkUsable();
        byte[] hash = AuditChain.next(last, content);
        byte[] line = AuditChain.seal(content, hash).getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        last = hash;
        written += line.length;
        unsealed++;
    }

    private void sealLocked(Instant now) throws IOException {
        if (unsealed > 0 && signing.signer().isPresent()) {
            Signer signer = signing.signer().get();
            String signed = "0." + AuditChain.SIGNER_THREAD + " - [" + TIME.format(now) + "] [AuditEvent="
                    + AuditChain.SIGNING_EVENT + "][SubjectID=" + AuditEvents.SYSTEM + "][Outcome=Success][Signed="
                    + AuditChain.hex(last) + "]";
            byte[] signature = signer.sign(signed.getBytes(StandardCharsets.UTF_8));
            writeLocked(signed + "[Alg=" + signer.signatureAlgorithm().jcaName() + "][Sig="
                    + Base64.getEncoder().encodeToString(signature) + "]");
        }
        channel.force(false);
        unsealed = 0;
        sealDue = now.plus(signing.interval());
    }

    private void rollOverLocked(Instant now) throws IOException {
        sealLocked(now);
        channel.close();
        channel = null;
        String stamp = ROLLED.format(now);
        Path target = dir.resolve(FILE_NAME + "." + stamp);
        for (int n = 1; Files.exists(target); n++) {
            target = dir.resolve(FILE_NAME + "." + stamp + "-" + String.format(Locale.ROOT, "%03d", n));
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        channel = openFile(file);
        written = 0;
        LOG.info("audit log rolled over to {}", target.getFileName());
    }

    private void checkUsable() throws IOException {
        if (failure != null) {
            throw new IOException("the audit log failed earlier (" + failure + ")");
        }
        if (channel == null || !channel.isOpen()) {
            throw new IOException("the audit log is closed");
        }
    }

    private BrevetException failed(Exception e) {
        if (failure == null) {
            failure = String.valueOf(e.getMessage());
        }
        return new BrevetException(ErrorKind.UNAVAILABLE, "cannot write the audit log " + file + ": " + e.getMessage(), e);
    }

    /** The record text without the chain value and newline. */
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
        return b.toString();
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

    /** Seals (signs and forces) what is unsealed, then closes the file. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (lock) {
            if (channel == null || !channel.isOpen()) {
                return;
            }
            try {
                if (failure == null) {
                    sealLocked(clock.instant());
                }
            } catch (IOException | RuntimeException e) {
                throw failed(e);
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.warn("closing the audit log {}: {}", file, e.toString());
                }
            }
        }
    }

    /** For tests: the number of bytes written to the current file. */
    long size() {
        synchronized (lock) {
            return written;
        }
    }
}
