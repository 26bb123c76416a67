package org.brevet.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.brevet.ca.api.AgentReview;
import org.brevet.ca.api.CertificateRecord;
import org.brevet.ca.api.CertificateRequest;
import org.brevet.ca.api.CertificateSearch;
import org.brevet.ca.api.Enrollment;
import org.brevet.ca.api.EnrollmentRequest;
import org.brevet.ca.api.EnrollmentResult;
import org.brevet.ca.api.ProfileSummary;
import org.brevet.ca.api.RequestId;
import org.brevet.ca.api.RequestStatus;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Der;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.Pem;
import org.brevet.pki.SerialNumber;

/**
 * Dogtag's legacy enrollment servlets in their {@code xml=true} form, as certmonger's {@code dogtag-submit}
 * helper drives them: submit a PKCS#10 request, check it, have an agent review and approve it, fetch the
 * certificate. Parameters come from the query string or a form body. Only the use cases of brevet-ca-api
 * are called; the answers are the XML shapes the helper reads (docs/REST-API.md, "Dogtag legacy servlets").
 */
final class DogtagLegacyRoutes {
    static final String EE = "/ca/ee/ca";
    static final String AGENT = "/ca/agent/ca";
    static final String XML_TYPE = "application/xml";

    /** ProfileSubmitServlet's status codes. */
    static final String SUCCESS = "0";
    static final String FAILURE = "1";
    static final String DEFERRED = "2";
    static final String REJECTED = "3";

    private static final Pattern ARMOUR = Pattern.compile("-----(BEGIN|END)[ +](NEW[ +])?CERTIFICATE[ +]REQUEST-----");

    private final Enrollment enrollment;
    private final AgentReview review;
    private final CertificateSearch certificates;
    private final Callers callers;

    DogtagLegacyRoutes(Enrollment enrollment, AgentReview review, CertificateSearch certificates, Callers callers) {
        this.enrollment = enrollment;
        this.review = review;
        this.certificates = certificates;
        this.callers = callers;
    }

    /** The end-entity servlets (also fit for the plain HTTP listener: the caller is then anonymous). */
    void installEndEntity(JavalinDefaultRouting r) {
        r.get(EE + "/profileSubmit", this::profileSubmit);
        r.post(EE + "/profileSubmit", this::profileSubmit);
        r.get(EE + "/checkRequest", this::checkRequest);
        r.post(EE + "/checkRequest", this::checkRequest);
        r.get(EE + "/displayCertFromRequest", this::displayCertFromRequest);
        r.post(EE + "/displayCertFromRequest", this::displayCertFromRequest);
        r.get(EE + "/profileList", this::profileList);
        r.post(EE + "/profileList", this::profileList);
        r.get(EE + "/displayBySerial", this::displayBySerial);
        r.post(EE + "/displayBySerial", this::displayBySerial);
    }

    /**
     * The servlets that read the TLS client certificate, for the HTTPS listener only: the agent servlets (a
     * certificate mapped to an agent is required) and {@code profileSubmitSSLClient}, the enrollment form
     * that certmonger's {@code --agent-submit} uses (the profile's approval rule then sees the caller).
     */
    void installClientAuthenticated(JavalinDefaultRouting r) {
        r.get(EE + "/profileSubmitSSLClient", this::profileSubmit);
        r.post(EE + "/profileSubmitSSLClient", this::profileSubmit);
        r.get(AGENT + "/profileReview", this::profileReview);
        r.post(AGENT + "/profileReview", this::profileReview);
        r.get(AGENT + "/profileProcess", this::profileProcess);
        r.post(AGENT + "/profileProcess", this::profileProcess);
    }

    private void profileSubmit(Context ctx) {
        DogtagXml xml = new DogtagXml().open("XMLResponse");
        try {
            String type = param(ctx, "cert_request_type").orElse("pkcs10");
            if (!"pkcs10".equalsIgnoreCase(type)) {
                throw BrevetException.malformed("cert_request_type '" + type + "' is not supported (pkcs10)", null);
            }
            String profile = required(ctx, "profileId");
            Der csr = param(ctx, "renewal").filter("true"::equalsIgnoreCase).isPresent()
                    ? renewedCsr(required(ctx, "serial_num"))
                    : Der.of(pkcs10Pem(required(ctx, "cert_request")).getBytes(StandardCharsets.UTF_8));
            EnrollmentResult result = enrollment.submit(callers.identify(ctx), new EnrollmentRequest(profile, csr));
            CertificateRequest request = result.request();
            switch (request.status()) {
                case COMPLETE -> xml.text("Status", SUCCESS);
                case PENDING -> xml.text("Status", DEFERRED).text("Error", "Request Deferred - pending agent approval");
                default -> xml.text("Status", REJECTED)
                        .text("Error", "Request " + request.status().wireName() + request.reason().map(r -> ": " + r).orElse(""));
            }
            xml.text("RequestId", request.id().toString());
            result.certificate().ifPresent(cert -> xml.open("Requests").open("Request")
                    .text("Id", request.id().toString())
                    .text("SubjectDN", cert.subject())
                    .text("serialno", cert.serial().toHex())
                    .text("b64", cert.der().toBase64())
                    .close().close());
        } catch (BrevetException e) {
            rethrowServerSide(e);
            xml.text("Status", e.kind() == ErrorKind.REJECTED_BY_POLICY ? REJECTED : FAILURE).text("Error", e.getMessage());
        }
        respond(ctx, xml.close());
    }

    /**
     * Dogtag's renewal by serial number ({@code renewal=true&serial_num=}, decimal, what certmonger's helper
     * sends when it holds the previous certificate): the request that certificate was issued for is submitted
     * again, same subject and key, through the same enrollment rules (an anonymous renewal waits for an agent).
     * As in Dogtag, a revoked certificate is not renewed.
     */
    private Der renewedCsr(String serialNumber) {
        CertificateRecord previous = certificates.get(serial(serialNumber));
        if (previous.revokedAt().isPresent()) {
            throw new BrevetException(ErrorKind.REJECTED_BY_POLICY,
                    "certificate " + previous.serial() + " is revoked and cannot be renewed; submit a new CSR");
        }
        return enrollment.status(previous.requestId()).request().csr();
    }

    private void checkRequest(Context ctx) {
        DogtagXml xml = new DogtagXml().open("xml");
        try {
            EnrollmentResult result = enrollment.status(RequestId.parse(required(ctx, "requestId")));
            CertificateRequest request = result.request();
            xml.open("header")
                    .text("status", request.status().wireName())
                    .text("requestId", request.id().toString())
                    .text("authority", "ca")
                    .text("profileId", request.profileId())
                    .text("createdOn", Long.toString(request.createdAt().getEpochSecond()))
                    .text("updatedOn", Long.toString(request.updatedAt().getEpochSecond()));
            request.serial().ifPresent(serial -> xml.text("serialNumber", serial.toHex()));
            xml.close().open("fixed").close();
        } catch (BrevetException e) {
            rethrowServerSide(e);
            xml.open("fixed").text("unexpectedError", e.getMessage()).close();
        }
        respond(ctx, xml.close());
    }

    private void displayCertFromRequest(Context ctx) {
        DogtagXml xml = new DogtagXml().open("xml");
        try {
            EnrollmentResult result = enrollment.status(RequestId.parse(required(ctx, "requestId")));
            CertificateRequest request = result.request();
            xml.open("header").text("requestId", request.id().toString()).close()
                    .open("fixed").text("requestStatus", request.status().wireName()).close();
            result.certificate().ifPresent(cert -> xml.open("records").open("record")
                    .text("serialNumber", cert.serial().toHex())
                    .text("base64Cert", Pem.encode(Pem.CERTIFICATE, cert.der()))
                    .close().close());
        } catch (BrevetException e) {
            rethrowServerSide(e);
            xml.open("fixed").text("unexpectedError", e.getMessage()).close();
        }
        respond(ctx, xml.close());
    }

    /** The enrollable profiles, as certmonger's GET-SUPPORTED-TEMPLATES reads them. */
    private void profileList(Context ctx) {
        DogtagXml xml = new DogtagXml().open("xml").open("output").open("set").open("record").open("list");
        for (ProfileSummary profile : enrollment.enrollableProfiles()) {
            xml.open("record").open("set")
                    .text("profileId", profile.id())
                    .text("profileName", profile.name())
                    .text("profileDescription", profile.description())
                    .text("profileIsEnable", Boolean.toString(profile.enabled()))
                    .text("profileIsVisible", Boolean.toString(profile.visible()))
                    .close().close();
        }
        respond(ctx, xml.close().close().close().close().close());
    }

    private void displayBySerial(Context ctx) {
        DogtagXml xml = new DogtagXml().open("xml");
        try {
            CertificateRecord cert = certificates.get(serial(required(ctx, "serialNumber")));
            xml.open("header")
                    .text("serialNumber", cert.serial().toHex())
                    .text("subject", cert.subject())
                    .text("issuer", cert.issuer())
                    .text("notBefore", Long.toString(cert.notBefore().getEpochSecond()))
                    .text("notAfter", Long.toString(cert.notAfter().getEpochSecond()))
                    .text("requestId", cert.requestId().toString())
                    .text("revoked", Boolean.toString(cert.revokedAt().isPresent()))
                    .close()
                    .open("fixed").close()
                    .open("records").open("record")
                    .text("serialNumber", cert.serial().toHex())
                    .text("base64Cert", Pem.encode(Pem.CERTIFICATE, cert.der()))
                    .close().close();
        } catch (BrevetException e) {
            rethrowServerSide(e);
            xml.open("fixed").text("unexpectedError", e.getMessage()).close();
        }
        respond(ctx, xml.close());
    }

    private void profileReview(Context ctx) {
        var agent = callers.requireUser(ctx);
        DogtagXml xml = new DogtagXml().open("xml").open("output").open("set");
        try {
            CertificateRequest request = review.get(agent, RequestId.parse(required(ctx, "requestId")));
            xml.text("requestId", request.id().toString())
                    .text("requestStatus", request.status().wireName())
                    .text("profileId", request.profileId())
                    .text("requestType", "enrollment")
                    .text("errorCode", SUCCESS);
        } catch (BrevetException e) {
            failure(xml, e);
        }
        respond(ctx, xml.close().close().close());
    }

    private void profileProcess(Context ctx) {
        var agent = callers.requireUser(ctx);
        DogtagXml xml = new DogtagXml().open("xml").open("output").open("set");
        try {
            RequestId id = RequestId.parse(required(ctx, "requestId"));
            String op = required(ctx, "op");
            CertificateRequest request = switch (op) {
                case "approve" -> review.approve(agent, id).request();
                case "reject" -> review.reject(agent, id, Optional.empty());
                case "cancel" -> review.cancel(agent, id, Optional.empty());
                default -> throw BrevetException.malformed(
                        "op '" + op + "' is not supported (approve, reject, cancel)", null);
            };
            xml.text("requestId", request.id().toString())
                    .text("requestStatus", request.status().wireName())
                    .text("errorCode", SUCCESS);
            request.serial().ifPresent(serial -> xml.text("serialNumber", serial.toHex()));
        } catch (BrevetException e) {
            failure(xml, e);
        }
        respond(ctx, xml.close().close().close());
    }

    private static void failure(DogtagXml xml, BrevetException e) {
        rethrowServerSide(e);
        if (e.kind() == ErrorKind.UNAUTHORIZED) {
            throw e;
        }
        xml.text("errorCode", FAILURE).text("errorReason", e.getMessage());
    }

    /**
     * The server's own failures are not the client's refusal: they go to the error mapper (500 with a log
     * id, 503 when the store is down), so the helper sees an HTTP error and retries, and nothing leaks.
     */
    private static void rethrowServerSide(BrevetException e) {
        if (e.kind() == ErrorKind.INTERNAL || e.kind() == ErrorKind.UNAVAILABLE) {
            throw e;
        }
    }

    private static void respond(Context ctx, DogtagXml xml) {
        ctx.contentType(XML_TYPE).result(xml.document());
    }

    /** A parameter from the query string, else from a form body. */
    static Optional<String> param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && isForm(ctx)) {
            value = ctx.formParam(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String required(Context ctx, String name) {
        return param(ctx, name).orElseThrow(() -> BrevetException.malformed("parameter '" + name + "' is missing", null));
    }

    /** Dogtag reads serialNumber as decimal, or as hex with a 0x prefix. */
    static SerialNumber serial(String text) {
        String s = text.trim();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return SerialNumber.parse(s);
        }
        try {
            return new SerialNumber(new BigInteger(s));
        } catch (NumberFormatException e) {
            throw BrevetException.malformed("not a serial number: '" + text + "' (decimal, or hex with 0x)", e);
        }
    }

    /**
     * The CSR as PEM. certmonger sends PEM; a bare base64 body (as Dogtag's web form allows) is taken too. A
     * '+' sent unencoded arrives as a space, which base64 never contains, so spaces in the body become '+'.
     */
    static String pkcs10Pem(String csr) {
        String body = ARMOUR.matcher(csr).replaceAll("").replace(' ', '+').replaceAll("[\\r\\n\\t]", "");
        return Pem.encode(Pem.CERTIFICATE_REQUEST, Der.fromBase64(body));
    }
}
