package org.brevet.pki;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Accepts an object as PEM (with one of the given labels), as DER, or as bare base64 of the DER. */
final class PemOrDer {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private PemOrDer() {
    }

    static byte[] decode(byte[] input, String what, String... labels) {
        if (input == null || input.length == 0) {
            throw new BrevetException(ErrorKind.MALFORMED, what + " is empty");
        }
        if (Pem.looksLikePem(input)) {
            String text = new String(input, StandardCharsets.US_ASCII);
            return Pem.decodeFirst(text, labels)
                    .orElseThrow(() -> new BrevetException(ErrorKind.MALFORMED,
                            "no PEM block '" + labels[0] + "' found in the " + what))
                    .bytes();
        }
        if (input[0] == 0x30) {
            return input;
        }
        String text = new String(input, StandardCharsets.US_ASCII);
        if (BASE64.matcher(text).matches()) {
            return Der.fromBase64(text.replaceAll("\\s", "")).bytes();
        }
        throw new BrevetException(ErrorKind.MALFORMED, what + " is neither PEM nor DER");
    }
}
