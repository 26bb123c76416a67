package org.brevet.protocol.cmc;

import java.util.List;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.Der;

/** A Simple PKI Response (RFC 5272 §3.1): a certs-only SignedData, the issued certificate and its chain. */
public final class SimplePkiResponse {
    private SimplePkiResponse() {
    }

    public static Der encode(List<Certificate> certificates) {
        return CertificateBundle.toPkcs7(certificates);
    }
}
