package org.brevet.http;

import io.javalin.http.Context;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;

/**
 * The TLS client certificate of a request, as the servlet container exposes it (Jetty's
 * SecureRequestCustomizer sets the attribute after a handshake in which the client presented one).
 */
final class ClientCertificate {
    /** Servlet specification name of the attribute holding the peer's chain, leaf first. */
    static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificate() {
    }

    static Optional<Der> of(Context ctx) {
        Object chain = ctx.req().getAttribute(ATTRIBUTE);
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Der.of(certificates[0].getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "the client certificate cannot be encoded", e);
        }
    }
}
