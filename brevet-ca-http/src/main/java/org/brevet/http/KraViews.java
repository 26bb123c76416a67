package org.brevet.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.brevet.ca.api.ArchivedKey;
import org.brevet.ca.api.RecoveryRequest;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;

/** The JSON shapes of the KRA routes, after Dogtag's CertData, KeyInfo, KeyRequestInfo and KeyData. */
final class KraViews {
    static final String KEYS = "/kra/rest/agent/keys";
    static final String KEY_REQUESTS = "/kra/rest/agent/keyrequests";

    private KraViews() {
    }

    /** Dogtag's CertData, as GET /ca/rest/config/cert/transport returns it. */
    record CertData(@JsonProperty("id") String id, @JsonProperty("IssuerDN") String issuerDn,
            @JsonProperty("SubjectDN") String subjectDn, @JsonProperty("Encoded") String encoded,
            @JsonProperty("NotBefore") String notBefore, @JsonProperty("NotAfter") String notAfter) {
        static CertData of(Der der) {
            Certificate c = Certificate.fromDer(der);
            return new CertData("0x" + c.serial().toHex(), c.issuer().rfc4514(), c.subject().rfc4514(), c.toPem(),
                    c.notBefore().toString(), c.notAfter().toString());
        }
    }

    /** Dogtag's KeyInfo (plus Brevet's keyId, requestId and archivedAt). */
    record KeyInfo(String keyURL, String keyId, String clientKeyID, String status, String algorithm, int size,
            String ownerName, String publicKey, String requestId, String archivedAt) {
        static KeyInfo of(ArchivedKey k) {
            return new KeyInfo(KEYS + "/" + k.id(), k.id().toString(), k.requestId().toString(), k.status().wireName(),
                    k.algorithm(), k.size(), k.owner(), k.publicKey().toBase64(), k.requestId().toString(),
                    k.archivedAt().toString());
        }
    }

    /** Dogtag's KeyInfoCollection. */
    record KeyInfoCollection(int total, List<KeyInfo> entries) {
        static KeyInfoCollection of(List<ArchivedKey> keys) {
            return new KeyInfoCollection(keys.size(), keys.stream().map(KeyInfo::of).toList());
        }
    }

    /** Dogtag's KeyRequestInfo (plus Brevet's requester, approvers and required approvals). */
    record KeyRequestInfo(String requestURL, String requestId, String requestType, String requestStatus, String keyURL,
            String keyId, String requester, List<String> approvers, int requiredApprovals, String creationTime,
            String modificationTime) {
        static KeyRequestInfo of(RecoveryRequest r) {
            return new KeyRequestInfo(KEY_REQUESTS + "/" + r.id(), r.id().toString(), "securityDataRecovery",
                    r.status().wireName(), KEYS + "/" + r.keyId(), r.keyId().toString(), r.requester(), r.approvers(),
                    r.requiredApprovals(), r.createdAt().toString(), r.updatedAt().toString());
        }
    }

    /** Dogtag's KeyRequestInfoCollection. */
    record KeyRequestInfoCollection(int total, List<KeyRequestInfo> entries) {
        static KeyRequestInfoCollection of(List<RecoveryRequest> requests) {
            return new KeyRequestInfoCollection(requests.size(), requests.stream().map(KeyRequestInfo::of).toList());
        }
    }

    /** Dogtag's KeyData for a PKCS#12 retrieval. */
    record KeyData(String requestID, String p12Data) {
    }

    /** POST /kra/rest/agent/keyrequests: recovery of a key by id, or of the key of a certificate by serial. */
    record RecoveryBody(String requestType, String keyId, String certSerial) {
    }

    /** POST /kra/rest/agent/keys/retrieve: an approved recovery request and the PKCS#12 passphrase. */
    record RetrieveBody(String requestId, String passphrase) {
    }
}
