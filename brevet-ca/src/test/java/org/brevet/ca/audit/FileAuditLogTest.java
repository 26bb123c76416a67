package org.brevet.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestCa.START);

    @Test
    void append_writesOneLineInDogtagsShape() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ReqID", "42");
        fields.put("CertSerialNum", "0x1f");
        try (FileAuditLog log = FileAuditLog.open(dir.resolve("audit"), clock)) {
            log.append(AuditEvent.success("CERT_REQUEST_PROCESSED", Caller.user("agent1", java.util.Set.of()), fields));
            log.append(AuditEvent.failure("AUTH", Caller.ANONYMOUS, Map.of()));
        }
        List<String> lines = Files.readAllLines(dir.resolve("audit/ca_audit"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("0\\.[^ ]+ - \\[23/Nov/2026:20:00:00 \\+0000\\] "
                + "\\[AuditEvent=CERT_REQUEST_PROCESSED\\]\\[SubjectID=agent1\\]\\[Outcome=Success\\]\\[ReqID=42\\]\\[CertSerialNum=0x1f\\]\\[Chain=[0-9a-f]{64}\\]");
        assertThat(lines.get(1)).contains("[AuditEvent=AUTH][SubjectID=$Unidentified$][Outcome=Failure][Chain=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit/ca_audit")))).isEqualTo("rw-------");
    }

    @Test
    void reopening_appendsAfterExistingLines() throws IOException {
        try (FileAuditLog log = FileAuditLog.open(dir, clock)) {
            log.append(AuditEvent.success("A", Caller.ANONYMOUS, Map.of()));
        }
        try (FileAuditLog log = FileAuditLog.open(dir, clock)) {
            log.append(AuditEvent.success("B", Caller.ANONYMOUS, Map.of()));
        }
        assertThat(Files.readAllLines(dir.resolve("ca_audit"))).hasSize(2);
    }

    @Test
    void hostileValues_cannotForgeLinesOrFields() throws IOException {
        try (FileAuditLog log = FileAuditLog.open(dir, clock)) {
            log.append(AuditEvent.failure("AUTH", Caller.ANONYMOUS,
                    Map.of("Info", "x]\n0.main - [AuditEvent=CONFIG_ROLE][Outcome=Success")));
        }
        List<String> lines = Files.readAllLines(dir.resolve("ca_audit"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("[Info=x\\]?0.main - \\[AuditEvent=CONFIG_ROLE\\]\\[Outcome=Success]");
    }

    @Test
    void concurrentAppends_giveWholeLines() throws Exception {
        try (FileAuditLog log = FileAuditLog.open(dir, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(AuditEvent.success("E", Caller.ANONYMOUS, Map.of("N", thread + "-" + i)));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        List<String> lines = Files.readAllLines(dir.resolve("ca_audit"));
        assertThat(lines).hasSize(400).allMatch(l -> l.matches(".*\\[AuditEvent=E\\]\\[SubjectID=\\$Unidentified\\$\\]\\[Outcome=Success\\]\\[N=\\d-\\d+\\]\\[Chain=[0-9a-f]{64}\\]"));
    }

    @Test
    void unwritableLocation_isUnavailable() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> FileAuditLog.open(notADirectory.resolve("audit"), clock))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @Test
    void appendAfterTheFileIsClosed_isUnavailable() {
        FileAuditLog log = FileAuditLog.open(dir, clock);
        log.close();
        assertThatThrownBy(() -> log.append(AuditEvent.success("A", Caller.ANONYMOUS, Map.of())))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }
}
