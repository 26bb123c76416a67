package org.brevet.protocol.cmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Secret;
import org.brevet.pki.Signer;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests and responses against openssl cms, and the response round trip. */
class CmcInteropTest {
    private static final CmcTestPki PKI = new CmcTestPki();

    @TempDir
    Path dir;

    private Openssl openssl() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), PKI.ca.toPem());
        return new Openssl(dir);
    }

    private Der agentSignedRequest(KeyPair keys) {
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(new CsrBuilder().subject(DistinguishedName.parse("CN=server.example.com")).build(keys));
        b.senderNonce(Der.of(new byte[] {5, 6, 7})).transactionId(BigInteger.TEN);
        return b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent, PKI.ca));
    }

    @Test
    void agentSignedRequest_opensslPrintsAndVerifiesIt() throws IOException {
        Files.write(dir.resolve("req.der"), agentSignedRequest(KeySpec.EC_P256.generate(CmcTestPki.RANDOM)).bytes());
        Openssl openssl = openssl();

        String printed = openssl.ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", "req.der").stdout();
        assertThat(printed).contains("contentType: pkcs7-signedData").containsPattern("eContentType: (id-cct-PKIData|1\\.3\\.6\\.1\\.5\\.5\\.7\\.12\\.2)");
        openssl.ok("cms", "-verify", "-inform", "DER", "-in", "req.der", "-CAfile", "ca.pem", "-purpose", "any", "-out", "pkidata.der");
        FullPkiRequest parsed = FullPkiRequest.parse(Files.readAllBytes(dir.resolve("req.der")));
        assertThat(Files.readAllBytes(dir.resolve("pkidata.der"))).isNotEmpty();
        assertThat(parsed.controls().transactionId()).contains(BigInteger.TEN);
    }

    @Test
    void selfSignedRequest_opensslPrintsSkiSigner() throws IOException {
        KeyPair keys = KeySpec.EC_P256.generate(CmcTestPki.RANDOM);
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(new CsrBuilder().subject(DistinguishedName.parse("CN=user")).requestSubjectKeyIdentifier().build(keys));
        b.identification("user").identityProofV2(MacAlgorithm.SHA256, MacAlgorithm.SHA256, Secret.of("pw"));
        Der ski = PublicKeys.keyIdentifier(keys.getPublic());
        Files.write(dir.resolve("req.der"), b.selfSigned(Signer.of(keys.getPrivate(), keys.getPublic()), ski).bytes());

        String printed = openssl().ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", "req.der").stdout();

        assertThat(printed).contains("d.subjectKeyIdentifier").doesNotContain("d.issuerAndSerialNumber");
        assertThat(printed.toLowerCase().replace(" ", "").replace("-", "")).contains(ski.toHex().toLowerCase().substring(0, 14));
    }

    @Test
    void successResponse_roundTripsAndOpensslVerifiesIt() throws IOException {
        KeyPair keys = KeySpec.EC_P256.generate(CmcTestPki.RANDOM);
        FullPkiRequest request = FullPkiRequest.parse(agentSignedRequest(keys).bytes());
        Certificate issued = PKI.issue(DistinguishedName.parse("CN=server.example.com"), keys);
        Der response = new FullPkiResponseBuilder()
                .status(CmcStatusInfo.success(List.of(request.requests().get(0).bodyPartId())))
                .echo(request.controls()).senderNonce(Der.of(new byte[] {9, 9}))
                .certificates(List.of(issued)).sign(PKI.caSigner, PKI.ca, List.of(PKI.ca));
        Files.write(dir.resolve("resp.der"), response.bytes());
        Openssl openssl = openssl();

        String printed = openssl.ok("cms", "-cmsout", "-print", "-inform", "DER", "-in", "resp.der").stdout();
        assertThat(printed).containsPattern("eContentType: (id-cct-PKIResponse|1\\.3\\.6\\.1\\.5\\.5\\.7\\.12\\.3)");
        openssl.ok("cms", "-verify", "-inform", "DER", "-in", "resp.der", "-CAfile", "ca.pem", "-purpose", "any", "-out", "pkiresponse.der");

        FullPkiResponse parsed = FullPkiResponse.parse(response.bytes());
        assertThat(parsed.simple()).isFalse();
        assertThat(parsed.signer()).contains(PKI.ca);
        assertThat(parsed.statuses()).containsExactly(CmcStatusInfo.success(List.of(1L)));
        assertThat(parsed.recipientNonce()).contains(Der.of(new byte[] {5, 6, 7}));
        assertThat(parsed.transactionId()).contains(BigInteger.TEN);
        assertThat(parsed.certificates()).containsExactlyInAnyOrder(issued, PKI.ca);
        assertThat(parsed.controls()).extracting(CmcControl::oid).contains("1.3.6.1.5.5.7.7.25", "1.3.6.1.5.5.7.7.7");
    }

    @Test
    void failedAndPendingStatuses_roundTrip() {
        Instant later = CmcTestPki.NOW.plusSeconds(3600);
        Der response = new FullPkiResponseBuilder()
                .status(CmcStatusInfo.failed(List.of(1L), CmcFailInfo.POP_FAILED, "proof of possession failed"))
                .status(CmcStatusInfo.pending(List.of(2L), new PendingInfo(Der.of("15".getBytes()), later), "pending"))
                .responseInfo(Der.of("15".getBytes()))
                .sign(PKI.caSigner, PKI.ca, List.of(PKI.ca));

        FullPkiResponse parsed = FullPkiResponse.parse(response.bytes());

        assertThat(parsed.statuses()).containsExactly(
                CmcStatusInfo.failed(List.of(1L), CmcFailInfo.POP_FAILED, "proof of possession failed"),
                CmcStatusInfo.pending(List.of(2L), new PendingInfo(Der.of("15".getBytes()), later), "pending"));
        assertThat(parsed.responseInfo()).contains(Der.of("15".getBytes()));
        assertThat(parsed.certificates()).containsExactly(PKI.ca);
    }

    @Test
    void tamperedResponse_isRejected() {
        Der response = new FullPkiResponseBuilder().status(CmcStatusInfo.failed(List.of(1L), CmcFailInfo.BAD_REQUEST, "bad request"))
                .sign(PKI.caSigner, PKI.ca, List.of(PKI.ca));
        byte[] bytes = response.bytes();
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("bad request");
        bytes[at] = 'B';

        assertThatThrownBy(() -> FullPkiResponse.parse(bytes)).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void simpleResponse_isCertsOnlyAndOpensslReadsIt() throws IOException {
        Certificate issued = PKI.issue(DistinguishedName.parse("CN=simple"), KeySpec.EC_P256.generate(CmcTestPki.RANDOM));
        Files.write(dir.resolve("simple.p7b"), SimplePkiResponse.encode(List.of(issued, PKI.ca)).bytes());

        String printed = openssl().ok("pkcs7", "-inform", "DER", "-in", "simple.p7b", "-print_certs").stdout();
        FullPkiResponse parsed = FullPkiResponse.parse(Files.readAllBytes(dir.resolve("simple.p7b")));

        assertThat(printed).contains("subject=CN = simple", "CN = CMC Test CA");
        assertThat(parsed.simple()).isTrue();
        assertThat(parsed.statuses()).isEmpty();
        assertThat(parsed.certificates()).containsExactlyInAnyOrder(issued, PKI.ca);
    }
}
