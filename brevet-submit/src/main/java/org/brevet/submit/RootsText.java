package org.brevet.submit;

import java.util.ArrayList;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.ErrorKind;

/**
 * FETCH-ROOTS output from the CA's PEM chain (reference certmonger.md §4.2): {@code nickname\nPEM} for
 * the root, a blank line (no further trusted roots), then a blank line and the other certificates of the
 * chain. The nickname is the certificate's common name, else its whole subject.
 */
final class RootsText {
    private RootsText() {
    }

    static String of(String chainPem) {
        List<Certificate> chain = Certificate.parseAll(chainPem);
        if (chain.isEmpty()) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "the CA sent no certificate for its chain");
        }
        Certificate root = chain.stream().filter(Certificate::isSelfIssued).findFirst()
                .orElse(chain.get(chain.size() - 1));
        List<Certificate> others = new ArrayList<>(chain);
        others.remove(root);
        StringBuilder b = new StringBuilder();
        b.append(nickname(root)).append('\n').append(root.toPem());
        if (!others.isEmpty()) {
            b.append("\n\n");
            others.forEach(c -> b.append(nickname(c)).append('\n').append(c.toPem()));
        }
        return b.toString();
    }

    private static String nickname(Certificate c) {
        return c.subject().commonName().orElse(c.subject().toString());
    }
}
