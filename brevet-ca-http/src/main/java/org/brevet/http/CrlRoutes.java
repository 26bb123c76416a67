package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.brevet.ca.api.CrlDistribution;
import org.brevet.ca.api.CrlInfo;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.Pem;

/**
 * CRL downloads, public by nature and served on both listeners: Dogtag's
 * {@code /ca/ee/ca/getCRL?op=getCRL|getDeltaCRL&crlIssuingPoint=MasterCRL} and the plain
 * {@code /crl/MasterCRL.crl} (DER), {@code /crl/MasterCRL.pem}, {@code /crl/MasterCRL-delta.crl|.pem}.
 * DER is streamed from the database as it is read.
 */
final class CrlRoutes {
    static final String DER_TYPE = "application/pkix-crl";
    static final String PEM_TYPE = "application/x-pem-file";
    private static final String DEFAULT_POINT = "MasterCRL";

    private final CrlDistribution crls;

    CrlRoutes(CrlDistribution crls) {
        this.crls = crls;
    }

    void install(JavalinDefaultRouting r) {
        r.get("/ca/ee/ca/getCRL", this::dogtag);
        r.get("/crl/{file}", this::file);
    }

    private void dogtag(Context ctx) {
        String op = Optional.ofNullable(ctx.queryParam("op")).orElse("getCRL");
        String point = Optional.ofNullable(ctx.queryParam("crlIssuingPoint")).filter(p -> !p.isBlank()).orElse(DEFAULT_POINT);
        CrlInfo.Kind kind = switch (op) {
            case "getCRL" -> CrlInfo.Kind.FULL;
            case "getDeltaCRL" -> CrlInfo.Kind.DELTA;
            default -> throw BrevetException.malformed("op must be getCRL or getDeltaCRL, not '" + op + "'", null);
        };
        der(ctx, point, kind);
    }

    private void file(Context ctx) {
        String file = ctx.pathParam("file");
        boolean pem = file.endsWith(".pem");
        if (!pem && !file.endsWith(".crl")) {
            throw BrevetException.notFound("no such CRL file '" + file + "' (NAME.crl or NAME.pem)");
        }
        String name = file.substring(0, file.length() - 4);
        CrlInfo.Kind kind = name.endsWith("-delta") ? CrlInfo.Kind.DELTA : CrlInfo.Kind.FULL;
        String point = kind == CrlInfo.Kind.DELTA ? name.substring(0, name.length() - "-delta".length()) : name;
        if (pem) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            crls.copyLatest(point, kind, out);
            ctx.contentType(PEM_TYPE).result(Pem.encode(Pem.X509_CRL, Der.of(out.toByteArray())));
        } else {
            der(ctx, point, kind);
        }
    }

    private void der(Context ctx, String point, CrlInfo.Kind kind) {
        CrlInfo info = crls.latest(point, kind).orElseThrow(() -> BrevetException.notFound(
                "no " + (kind == CrlInfo.Kind.DELTA ? "delta CRL" : "CRL") + " has been generated for " + point));
        ctx.contentType(DER_TYPE);
        ctx.header("Content-Length", Long.toString(info.length()));
        try (OutputStream out = ctx.outputStream()) {
            crls.copyLatest(point, kind, out);
        } catch (IOException e) {
            throw new BrevetException(org.brevet.pki.ErrorKind.UNAVAILABLE, "the CRL could not be sent", e);
        }
    }
}
