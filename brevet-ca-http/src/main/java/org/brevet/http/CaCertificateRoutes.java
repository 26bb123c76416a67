package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.pki.Der;
import org.brevet.pki.Pem;

/**
 * The CA certificate, public by nature: the PEM chain, and the DER of the CA certificate alone at the URL
 * that issued certificates name as AIA caIssuers (RFC 5280 §4.2.2.1: a DER certificate over HTTP).
 */
final class CaCertificateRoutes {
    static final String PEM_TYPE = "application/x-pem-file";
    static final String DER_TYPE = "application/pkix-cert";

    private final CertificateSearch certificates;

    CaCertificateRoutes(CertificateSearch certificates) {
        this.certificates = certificates;
    }

    void install(JavalinDefaultRouting r) {
        r.get("/ca/rest/cacert", this::pemChain);
        r.get("/ca/cacert.der", this::der);
    }

    private void pemChain(Context ctx) {
        StringBuilder pem = new StringBuilder();
        for (Der der : certificates.caChain()) {
            pem.append(Pem.encode(Pem.CERTIFICATE, der));
        }
        ctx.contentType(PEM_TYPE).result(pem.toString());
    }

    private void der(Context ctx) {
        List<Der> chain = certificates.caChain();
        ctx.contentType(DER_TYPE).result(chain.get(0).bytes());
    }
}
