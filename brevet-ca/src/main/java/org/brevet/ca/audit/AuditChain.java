package org.brevet.ca.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tamper-evidence format shared by the writer and the verifier. Every line of the audit files ends
 * with {@code [Chain=H]}, where {@code H = SHA-256(H' || content)}, {@code H'} is the previous line's
 * chain value (across rolled-over files; 32 zero bytes before the very first line) and {@code content} is
 * the UTF-8 text of the line before {@code [Chain=}. An {@code AUDIT_LOG_SIGNING} record carries
 * {@code [Signed=H'][Alg=...][Sig=base64]}: the signature covers the record text up to and including
 * {@code [Signed=H']}, so it seals every line before it.
 */
final class AuditChain {
    static final String SIGNING_EVENT = "AUDIT_LOG_SIGNING";
    static final String SIGNER_THREAD = "AuditSigner";
    static final byte[] GENESIS = new byte[32];
    private static final int SUFFIX_LENGTH = "[Chain=]".length() + 64;
    private static final Pattern SUFFIX = Pattern.compile("\\[Chain=([0-9a-f]{64})\\]$");
    static final Pattern SIGNATURE = Pattern.compile(
            "^(0\\." + SIGNER_THREAD + " - \\[[^\\]]+\\] \\[AuditEvent=" + SIGNING_EVENT
            + "\\]\\[SubjectID=\\$System\\$\\]\\[Outcome=Success\\]\\[Signed=([0-9a-f]{64})\\])"
            + "\\[Alg=([A-Za-z0-9]+)\\]\\[Sig=([A-Za-z0-9+/=]+)\\]$");

    private AuditChain() {
    }

    static byte[] next(byte[] previous, String content) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(content.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** The full line (with newline) for the content chained after {@code previous}; returns its hash in {@code out}. */
    static String seal(String content, byte[] hash) {
        return content + "[Chain=" + hex(hash) + "]\n";
    }

    /** A line split into its content and chain value, if it ends with a well-formed {@code [Chain=...]}. */
    static Optional<Parsed> parse(String line) {
        if (line.length() < SUFFIX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SUFFIX.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String content = line.substring(0, line.length() - SUFFIX_LENGTH);
        return Optional.of(new Parsed(content, HexFormat.of().parseHex(m.group(1))));
    }

    record Parsed(String content, byte[] chain) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
