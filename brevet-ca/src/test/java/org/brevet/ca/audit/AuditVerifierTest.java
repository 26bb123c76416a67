package org.brevet.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brevet.ca.CaIdentity;
import org.brevet.ca.api.AuditEvent;
import org.brevet.ca.api.Caller;
import org.brevet.ca.testing.MutableClock;
import org.brevet.ca.testing.TestCa;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {
    private static final CaIdentity AUDIT_KEY = TestCa.identity();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestCa.START);
    private Path file;

    @BeforeEach
    void writeLog() {
        file = dir.resolve("ca_audit");
        try (FileAuditLog log = open()) {
            for (int i = 1; i <= 10; i++) {
                log.append(event(i));
                if (i == 5) {
                    clock.advance(Duration.ofSeconds(6)); // the next append seals the first six lines
                }
            }
        }
    }

    private FileAuditLog open() {
        return FileAuditLog.open(dir, clock, AuditSigning.signedBy(AUDIT_KEY.signer()), false);
    }

    private static AuditEvent event(int n) {
        return AuditEvent.success("CERT_REQUEST_PROCESSED", Caller.user("agent1", java.util.Set.of()), Map.of("ReqID", String.valueOf(n)));
    }

    private AuditVerification verify() {
        return new AuditVerifier(AUDIT_KEY.certificate()).verify(dir);
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void intactLog_verifiesWithSignaturesOnTheIntervalAndAtClose() throws IOException {
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.signatures()).isEqualTo(2);
        assertThat(v.lines()).isEqualTo(12);
        assertThat(v.unsignedTail()).isZero();
        assertThat(lines().get(6)).startsWith("0.AuditSigner - [23/Nov/2026:20:00:06 +0000] [AuditEvent=AUDIT_LOG_SIGNING][SubjectID=$System$][Outcome=Success][Signed=");
        assertThat(lines().get(11)).contains("[AuditEvent=AUDIT_LOG_SIGNING]");
    }

    @Test
    void oneByteChanged_isReportedAtThatLine() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int offset = text.indexOf("[ReqID=3]") + 7;
        bytes[offset] = '4';
        Files.write(file, bytes);

        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBad().orElseThrow().lineNumber()).isEqualTo(3);
        assertThat(v.firstBad().orElseThrow().reason()).contains("chain broken");
    }

    @Test
    void deletedLine_isReportedAtTheLineAfterIt() throws IOException {
        List<String> lines = lines();
        lines.remove(3);
        write(lines);
        assertThat(verify().firstBad().orElseThrow().lineNumber()).isEqualTo(4);
    }

    @Test
    void insertedLine_isReportedAtTheInsertion() throws IOException {
        List<String> lines = lines();
        lines.add(8, lines.get(2));
        write(lines);
        assertThat(verify().firstBad().orElseThrow().lineNumber()).isEqualTo(9);
    }

    @Test
    void insertedLineWithoutChain_isReported() throws IOException {
        List<String> lines = lines();
        lines.add(1, "0.main - [23/Nov/2026:20:00:00 +0000] [AuditEvent=AUTH][SubjectID=x][Outcome=Success]");
        write(lines);
        assertThat(verify().firstBad().orElseThrow())
                .satisfies(b -> assertThat(b.lineNumber()).isEqualTo(2))
                .satisfies(b -> assertThat(b.reason()).contains("no chain value"));
    }

    @Test
    void reorderedLines_areReported() throws IOException {
        List<String> lines = lines();
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        write(lines);
        assertThat(verify().firstBad().orElseThrow().lineNumber()).isEqualTo(3);
    }

    @Test
    void editWithRecomputedChain_failsAtTheNextSignature() throws IOException {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("[ReqID=3]", "[ReqID=99]"));
        write(rechain(lines, false));
        AuditVerification v = verify();
        assertThat(v.firstBad().orElseThrow().lineNumber()).isEqualTo(7);
        assertThat(v.firstBad().orElseThrow().reason()).contains("does not seal");

        write(rechain(lines, true));
        assertThat(verify().firstBad().orElseThrow())
                .satisfies(b -> assertThat(b.lineNumber()).isEqualTo(7))
                .satisfies(b -> assertThat(b.reason()).contains("signature does not verify"));
    }

    @Test
    void anotherSigningCertificate_doesNotVerify() {
        AuditVerification v = new AuditVerifier(TestCa.identity().certificate()).verify(dir);
        assertThat(v.firstBad().orElseThrow().lineNumber()).isEqualTo(7);
        assertThat(v.firstBad().orElseThrow().reason()).contains("signature does not verify");
    }

    @Test
    void reopening_continuesTheChain() {
        try (FileAuditLog log = open()) {
            log.append(event(11));
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.lines()).isEqualTo(14);
        assertThat(v.signatures()).isEqualTo(3);
    }

    @Test
    void tornLastLine_isReportedAndDroppedOnReopen() throws IOException {
        Files.writeString(file, "0.main - [23/Nov/2026:20:00:07 +0000] [AuditEvent=AU", java.nio.file.StandardOpenOption.APPEND);
        assertThat(verify().firstBad().orElseThrow().reason()).contains("unfinished last line");

        try (FileAuditLog log = open()) {
            log.append(event(11));
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void unsealedLinesAfterACrash_areCountedAsUnsignedTail() {
        FileAuditLog log = open();
        log.append(event(11));
        log.append(event(12));
        // no close: the JVM "dies" with the lines handed to the OS but not yet sealed
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.unsignedTail()).isEqualTo(2);
    }

    @Test
    void rollover_keepsTheChainAcrossFiles_andAMissingFileIsReported() throws IOException {
        try (FileAuditLog log = FileAuditLog.open(dir, clock,
                AuditSigning.signedBy(AUDIT_KEY.signer()).withMaxFileBytes(4096), false)) {
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofMillis(1));
                log.append(event(100 + i));
            }
        }
        List<Path> files = AuditFiles.inOrder(dir);
        assertThat(files.size()).isGreaterThanOrEqualTo(3);
        assertThat(files.get(files.size() - 1).getFileName().toString()).isEqualTo("ca_audit");
        assertThat(verify().intact()).isTrue();

        Files.delete(files.get(1));
        AuditVerification v = verify();
        assertThat(v.firstBad().orElseThrow().file()).isEqualTo(files.get(2));
        assertThat(v.firstBad().orElseThrow().lineNumber()).isEqualTo(1);
    }

    @Test
    void emptyDirectory_isNotFound() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> new AuditVerifier(AUDIT_KEY.certificate()).verify(empty))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void failedWrite_refusesEveryLaterAppend() throws IOException {
        FileAuditLog log = open();
        log.close();
        assertThatThrownBy(() -> log.append(event(1))).isInstanceOf(BrevetException.class);
        assertThatThrownBy(() -> log.sealNow())
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    /** What an attacker without the key can do: recompute every chain value after an edit (and optionally the Signed field). */
    private static List<String> rechain(List<String> lines, boolean fixSigned) {
        List<String> out = new ArrayList<>();
        byte[] prev = AuditChain.GENESIS;
        for (String line : lines) {
            String content = AuditChain.parse(line).orElseThrow().content();
            if (fixSigned && content.contains("[AuditEvent=AUDIT_LOG_SIGNING]")) {
                content = content.replaceFirst("\\[Signed=[0-9a-f]{64}\\]", "[Signed=" + AuditChain.hex(prev) + "]");
            }
            byte[] hash = AuditChain.next(prev, content);
            out.add(AuditChain.seal(content, hash).stripTrailing());
            prev = hash;
        }
        return out;
    }
}
