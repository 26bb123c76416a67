package org.brevet.pki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 textual encoding: one or more {@code -----BEGIN LABEL-----} blocks. */
public final class Pem {
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    public static final String X509_CRL = "X509 CRL";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----", Pattern.DOTALL);

    /** One decoded block. */
    public record Block(String label, Der der) {
    }

    private Pem() {
    }

    public static String encode(String label, Der der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der.bytes());
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** All blocks in the text, in order; text outside blocks (openssl's "Certificate:" dumps) is ignored. */
    public static List<Block> decodeAll(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(new Block(m.group(1), Der.fromBase64(m.group(2).replaceAll("\\s", ""))));
        }
        return blocks;
    }

    /** The first block with one of the labels. */
    public static Optional<Der> decodeFirst(String text, String... labels) {
        for (Block b : decodeAll(text)) {
            for (String label : labels) {
                if (b.label().equals(label)) {
                    return Optional.of(b.der());
                }
            }
        }
        return Optional.empty();
    }

    /** Decodes the first block with the label, or fails with a MALFORMED error naming what was expected. */
    public static Der decode(String text, String label) {
        return decodeFirst(text, label)
                .orElseThrow(() -> BrevetException.malformed("no PEM block '" + label + "' found", null));
    }

    public static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ");
    }
}
