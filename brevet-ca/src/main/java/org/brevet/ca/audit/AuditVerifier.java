package org.brevet.ca.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import org.brevet.ca.audit.AuditVerification.BadLine;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.SignatureAlgorithm;

/**
 * Verifies an audit directory written by {@link FileAuditLog} (Dogtag's AuditVerify): walks the files
 * oldest first, recomputes the hash chain line by line and checks every {@code AUDIT_LOG_SIGNING} record
 * against the audit signing certificate. It reports the first line that fails: an edited, inserted,
 * deleted or reordered line breaks the chain at that line (or at the line after a deletion); a
 * recomputed chain fails at the next signature. Lines after the last signature can only be checked for
 * chain consistency, which is why the log is sealed on an interval and at shutdown.
 * Memory does not grow with the size of the log.
 */
public final class AuditVerifier {
    private final PublicKey key;

    public AuditVerifier(Certificate auditSigningCertificate) {
        this.key = Objects.requireNonNull(auditSigningCertificate, "auditSigningCertificate").publicKey();
    }

    /** NOT_FOUND when the directory holds no audit file; UNAVAILABLE when a file cannot be read. */
    public AuditVerification verify(Path auditDir) {
        List<Path> files;
        try {
            files = AuditFiles.inOrder(auditDir);
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot list the audit directory " + auditDir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw BrevetException.notFound("no audit log (" + FileAuditLog.FILE_NAME + ") in " + auditDir);
        }
        Walk walk = new Walk();
        for (Path file : files) {
            try {
                walk.file = file;
                walk.lineNumber = 0;
                AuditFiles.forEachLine(file, walk::line);
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
            }
            if (walk.bad != null) {
                break;
            }
        }
        return new AuditVerification(walk.lines, walk.signatures, walk.sinceSignature, Optional.ofNullable(walk.bad));
    }

    /** Verifies a directory, mapping every problem to one line of text; for command-line use. */
    public static AuditVerification verify(Path auditDir, Path auditSigningCertificate) {
        Certificate cert;
        try {
            cert = Certificate.parse(Files.readAllBytes(auditSigningCertificate));
        } catch (IOException e) {
            throw new BrevetException(ErrorKind.MALFORMED, "cannot read " + auditSigningCertificate + ": " + e.getMessage(), e);
        }
        return new AuditVerifier(cert).verify(auditDir);
    }

    private final class Walk {
        Path file;
        long lineNumber;
        long lines;
        long signatures;
        long sinceSignature;
        byte[] previous = AuditChain.GENESIS;
        BadLine bad;

        boolean line(String text, boolean terminated) {
            lineNumber++;
            if (!terminated) {
                return fail("unfinished last line (no newline)");
            }
            Optional<AuditChain.Parsed> parsed = AuditChain.parse(text);
            if (parsed.isEmpty()) {
                return fail("no chain value: the line was edited or inserted");
            }
            String content = parsed.get().content();
            byte[] expected = AuditChain.next(previous, content);
            if (!Arrays.equals(expected, parsed.get().chain())) {
                return fail("chain broken: this line was edited or inserted, or a line before it was deleted or moved");
            }
            if (content.contains("] [AuditEvent=" + AuditChain.SIGNING_EVENT + "]")) {
                String problem = checkSignature(content);
                if (problem != null) {
                    return fail(problem);
                }
                signatures++;
                sinceSignature = 0;
            } else {
                sinceSignature++;
            }
            lines++;
            previous = expected;
            return true;
        }

        private String checkSignature(String content) {
            Matcher m = AuditChain.SIGNATURE.matcher(content);
            if (!m.matches()) {
                return "malformed " + AuditChain.SIGNING_EVENT + " record";
            }
            if (!m.group(2).equals(AuditChain.hex(previous))) {
                return AuditChain.SIGNING_EVENT + " record does not seal the line before it";
            }
            Optional<SignatureAlgorithm> alg = SignatureAlgorithm.fromJcaName(m.group(3));
            if (alg.isEmpty()) {
                return AuditChain.SIGNING_EVENT + " record names an unknown algorithm " + m.group(3);
            }
            try {
                Signature s = Signature.getInstance(alg.get().jcaName());
                s.initVerify(key);
                s.update(m.group(1).getBytes(StandardCharsets.UTF_8));
                if (!s.verify(Base64.getDecoder().decode(m.group(4)))) {
                    return "signature does not verify with the audit signing certificate";
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return "signature does not verify with the audit signing certificate (" + e.getMessage() + ")";
            }
            return null;
        }

        private boolean fail(String reason) {
            bad = new BadLine(file, lineNumber, reason);
            return false;
        }
    }
}
