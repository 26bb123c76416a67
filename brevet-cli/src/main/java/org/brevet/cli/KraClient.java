package org.brevet.cli;

import static org.brevet.cli.RestTransport.query;
import static org.brevet.cli.RestTransport.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.Secret;

/** The KRA's REST API ({@code /kra/rest/agent/}) seen from an agent: one method per call, URLs built here. */
final class KraClient {
    private static final String KEYS = "/kra/rest/agent/keys";
    private static final String KEY_REQUESTS = "/kra/rest/agent/keyrequests";

    private final RestTransport rest;
    private final ObjectMapper json;

    KraClient(RestTransport rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    JsonNode findKeys(Optional<String> owner, int maxResults) {
        Map<String, String> params = new LinkedHashMap<>();
        owner.ifPresent(o -> params.put("owner", o));
        params.put("maxResults", Integer.toString(maxResults));
        return rest.get(KEYS + query(params), JsonNode.class);
    }

    JsonNode key(String keyId) {
        return rest.get(KEYS + "/" + segment(keyId), JsonNode.class);
    }

    JsonNode requestRecoveryOfKey(String keyId) {
        return rest.post(KEY_REQUESTS, json.createObjectNode().put("requestType", "securityDataRecovery").put("keyId", keyId),
                JsonNode.class);
    }

    JsonNode requestRecoveryOfCertificate(String serial) {
        return rest.post(KEY_REQUESTS, json.createObjectNode().put("requestType", "securityDataRecovery").put("certSerial", serial),
                JsonNode.class);
    }

    JsonNode approve(String requestId) {
        return rest.post(KEY_REQUESTS + "/" + segment(requestId) + "/approve", json.createObjectNode(), JsonNode.class);
    }

    JsonNode request(String requestId) {
        return rest.get(KEY_REQUESTS + "/" + segment(requestId), JsonNode.class);
    }

    /** Dogtag's KeyData: {@code p12Data} is the base64 PKCS#12. */
    JsonNode retrieve(String requestId, Secret passphrase) {
        ObjectNode body = json.createObjectNode().put("requestId", requestId).put("passphrase", passphrase.reveal());
        return rest.post(KEYS + "/retrieve", body, JsonNode.class);
    }
}
