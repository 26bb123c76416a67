package org.brevet.cli;

import static org.brevet.cli.RestTransport.query;
import static org.brevet.cli.RestTransport.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Brevet CA's REST API ({@code /ca/rest/}) seen from a client: one method per call, each URL built
 * here, answers decoded into records. Transport and error mapping are {@link RestTransport}'s.
 */
final class CaClient {
    private final RestTransport rest;
    private final ObjectMapper json;

    CaClient(RestTransport rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    /** A client for the settings: TLS context from the credential and trust anchors, HTTP/1.1 keep-alive. */
    static CaClient connect(ConnectionSettings settings, ObjectMapper json, SecureRandom random) {
        return new CaClient(RestTransport.connect(settings, json, random), json);
    }

    /** The KRA's agent API on the same server and connection. */
    KraClient kra() {
        return new KraClient(rest, json);
    }

    // --- end-entity

    CertRequestInfo submit(String profileId, String csrPem) {
        ObjectNode body = json.createObjectNode().put("profileId", profileId).put("csr", csrPem);
        return rest.post("/ca/rest/certrequests", body, CertRequestInfo.class);
    }

    CertRequestInfo request(String id) {
        return rest.get("/ca/rest/certrequests/" + segment(id), CertRequestInfo.class);
    }

    /** The profiles open to enrollment (enabled and visible); needs no credential. */
    ProfileList enrollmentProfiles() {
        return rest.get("/ca/rest/certrequests/profiles", ProfileList.class);
    }

    // --- agent

    RequestPage agentRequests(Optional<String> status, int start, int size) {
        Map<String, String> q = new LinkedHashMap<>();
        status.ifPresent(s -> q.put("status", s));
        q.put("start", Integer.toString(start));
        q.put("size", Integer.toString(size));
        return rest.get("/ca/rest/agent/certrequests" + query(q), RequestPage.class);
    }

    CertRequestInfo agentRequest(String id) {
        return rest.get("/ca/rest/agent/certrequests/" + segment(id), CertRequestInfo.class);
    }

    CertRequestInfo approve(String id) {
        return rest.post("/ca/rest/agent/certrequests/" + segment(id) + "/approve", json.createObjectNode(),
                CertRequestInfo.class);
    }

    CertRequestInfo reject(String id, Optional<String> reason) {
        return rest.post("/ca/rest/agent/certrequests/" + segment(id) + "/reject", reasonBody(reason),
                CertRequestInfo.class);
    }

    CertRequestInfo cancel(String id, Optional<String> reason) {
        return rest.post("/ca/rest/agent/certrequests/" + segment(id) + "/cancel", reasonBody(reason),
                CertRequestInfo.class);
    }

    // --- certificates

    CertificatePage findCertificates(CertQuery query) {
        Map<String, String> q = new LinkedHashMap<>();
        query.subject().ifPresent(s -> q.put("subject", s));
        query.status().ifPresent(s -> q.put("status", s));
        query.expiresBefore().ifPresent(s -> q.put("expiresBefore", s));
        q.put("start", Integer.toString(query.start()));
        q.put("size", Integer.toString(query.size()));
        return rest.get("/ca/rest/certs" + query(q), CertificatePage.class);
    }

    CertificateInfo certificate(String serial) {
        return rest.get("/ca/rest/certs/" + segment(serial), CertificateInfo.class);
    }

    /** The CA's PEM chain, CA certificate first. */
    String caCertificates() {
        return rest.text("/ca/rest/cacert");
    }

    // --- revocation and CRLs

    /** Revokes through the agent path, or through the end-entity path as the certificate's holder. */
    RevocationInfo revoke(String serial, boolean holder, String reason, Optional<String> invalidityDate,
            Optional<String> comment) {
        ObjectNode body = json.createObjectNode().put("reason", reason);
        invalidityDate.ifPresent(d -> body.put("invalidityDate", d));
        comment.ifPresent(c -> body.put("comment", c));
        String path = (holder ? "/ca/rest/certs/" : "/ca/rest/agent/certs/") + segment(serial) + "/revoke";
        return rest.post(path, body, RevocationInfo.class);
    }

    RevocationInfo releaseHold(String serial, Optional<String> comment) {
        ObjectNode body = json.createObjectNode();
        comment.ifPresent(c -> body.put("comment", c));
        return rest.post("/ca/rest/agent/certs/" + segment(serial) + "/unrevoke", body, RevocationInfo.class);
    }

    CrlView updateCrl(String issuingPoint) {
        return rest.post("/ca/rest/agent/crls/" + segment(issuingPoint) + "/update", json.createObjectNode(), CrlView.class);
    }

    /** Asks for a CRL now without waiting (queued for the CRL master when this node is not it). */
    void requestCrlUpdate(String issuingPoint) {
        rest.post("/ca/rest/agent/crls/" + segment(issuingPoint) + "/update?wait=false", json.createObjectNode(),
                com.fasterxml.jackson.databind.JsonNode.class);
    }

    /** The latest full (or delta) CRL of the issuing point, PEM. */
    String crlPem(String issuingPoint, boolean delta) {
        return rest.text("/crl/" + segment(issuingPoint) + (delta ? "-delta" : "") + ".pem");
    }

    // --- profiles

    ProfileList profiles() {
        return rest.get("/ca/rest/profiles", ProfileList.class);
    }

    ProfileDetails profile(String id) {
        return rest.get("/ca/rest/profiles/" + segment(id), ProfileDetails.class);
    }

    /** Adds a profile from its definition text; the answer is returned as the server sent it. */
    JsonNode addProfile(String definition, String contentType) {
        return rest.send("POST", "/ca/rest/profiles", definition, contentType, JsonNode.class);
    }

    JsonNode modifyProfile(String id, String definition, String contentType) {
        return rest.send("PUT", "/ca/rest/profiles/" + segment(id), definition, contentType, JsonNode.class);
    }

    JsonNode enableProfile(String id) {
        return rest.post("/ca/rest/profiles/" + segment(id) + "/enable", json.createObjectNode(), JsonNode.class);
    }

    JsonNode disableProfile(String id) {
        return rest.post("/ca/rest/profiles/" + segment(id) + "/disable", json.createObjectNode(), JsonNode.class);
    }

    // --- users

    UserList users() {
        return rest.get("/ca/rest/admin/users", UserList.class);
    }

    UserInfo user(String uid) {
        return rest.get("/ca/rest/admin/users/" + segment(uid), UserInfo.class);
    }

    UserInfo addUser(String uid, Optional<String> fullName, List<String> roles) {
        ObjectNode body = json.createObjectNode().put("userId", uid);
        fullName.ifPresent(n -> body.put("fullName", n));
        roles.forEach(body.putArray("roles")::add);
        return rest.post("/ca/rest/admin/users", body, UserInfo.class);
    }

    UserInfo addUserCertificate(String uid, String certificatePem) {
        ObjectNode body = json.createObjectNode().put("certificate", certificatePem);
        return rest.post("/ca/rest/admin/users/" + segment(uid) + "/certs", body, UserInfo.class);
    }

    // --- SCEP

    ScepChallengeInfo createScepChallenge(Optional<String> subject, java.time.Duration validFor) {
        ObjectNode body = json.createObjectNode().put("validForSeconds", validFor.toSeconds());
        subject.ifPresent(s -> body.put("subject", s));
        return rest.post("/ca/rest/agent/scep/challenges", body, ScepChallengeInfo.class);
    }

    private ObjectNode reasonBody(Optional<String> reason) {
        ObjectNode body = json.createObjectNode();
        reason.ifPresent(r -> body.put("reason", r));
        return body;
    }
}
