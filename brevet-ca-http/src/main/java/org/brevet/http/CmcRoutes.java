package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.brevet.ca.api.CmcEnrollment;

/**
 * Dogtag's CMC servlet {@code POST /ca/ee/ca/profileSubmitCMCFull[?profileId=ID]}: the body is the DER
 * Full PKI Request (application/pkcs7-mime), the answer a CMC response signed by the CA, always HTTP 200
 * (CMC clients read the CMCStatusInfoV2, failures included). Bodies over 1 MiB are cut, and then refused
 * in-band as malformed.
 */
final class CmcRoutes {
    static final String CMC_TYPE = "application/pkcs7-mime";
    static final int MAX_BODY_BYTES = 1 << 20;

    private final CmcEnrollment cmc;

    CmcRoutes(CmcEnrollment cmc) {
        this.cmc = cmc;
    }

    void install(JavalinDefaultRouting r) {
        r.post("/ca/ee/ca/profileSubmitCMCFull", this::full);
    }

    private void full(Context ctx) {
        byte[] response = cmc.agentSigned(body(ctx), Optional.ofNullable(ctx.queryParam("profileId"))).bytes();
        ctx.contentType(CMC_TYPE).result(response);
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1 && out.size() <= MAX_BODY_BYTES; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
