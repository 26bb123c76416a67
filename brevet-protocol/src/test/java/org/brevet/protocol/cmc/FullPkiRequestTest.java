package org.brevet.protocol.cmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Csr;
import org.brevet.pki.CsrBuilder;
import org.brevet.pki.Der;
import org.brevet.pki.DistinguishedName;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeySpec;
import org.brevet.pki.PublicKeys;
import org.brevet.pki.Secret;
import org.brevet.pki.Signer;
import org.brevet.protocol.crmf.CrmfRequest;
import org.brevet.protocol.crmf.CrmfRequestBuilder;
import org.brevet.protocol.crmf.PopType;
import org.junit.jupiter.api.Test;

/** Full PKI Requests: what the client side writes, the server side parses and verifies. */
class FullPkiRequestTest {
    private static final CmcTestPki PKI = new CmcTestPki();
    private static final Secret SECRET = Secret.of("s3cret-token");

    private static KeyPair keys() {
        return KeySpec.EC_P256.generate(CmcTestPki.RANDOM);
    }

    private static Csr csr(KeyPair keys, String subject) {
        return new CsrBuilder().subject(DistinguishedName.parse(subject)).requestSubjectKeyIdentifier().build(keys);
    }

    @Test
    void agentSignedPkcs10_parsesSignerRequestsAndControls() {
        Csr csr = csr(keys(), "CN=server.example.com,O=EXAMPLE");
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        long id = b.addPkcs10(csr);
        b.senderNonce(Der.of(new byte[] {1, 2, 3, 4})).transactionId(BigInteger.valueOf(77)).dataReturn(Der.of("echo".getBytes(StandardCharsets.UTF_8)))
                .identification("alice");
        Der der = b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent, PKI.ca));

        FullPkiRequest request = FullPkiRequest.parse(der.bytes());

        assertThat(request.signer()).isEqualTo(new CmcSigner.ByCertificate(PKI.agent));
        assertThat(request.certificates()).contains(PKI.agent, PKI.ca);
        assertThat(request.requests()).singleElement().satisfies(r -> {
            assertThat(r.bodyPartId()).isEqualTo(id);
            assertThat(r.format()).isEqualTo("pkcs10");
            assertThat(r.subject()).contains(DistinguishedName.parse("CN=server.example.com,O=EXAMPLE"));
            r.verifyPop();
        });
        CmcControls c = request.controls();
        assertThat(c.senderNonce()).contains(Der.of(new byte[] {1, 2, 3, 4}));
        assertThat(c.transactionId()).contains(BigInteger.valueOf(77));
        assertThat(c.dataReturn()).contains(Der.of("echo".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.identification()).contains("alice");
        assertThat(c.identityProofV2()).isEmpty();
    }

    @Test
    void tamperedPkiData_isBadSignature() {
        Csr csr = csr(keys(), "CN=alice,O=EXAMPLE");
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr);
        byte[] der = b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent)).bytes();
        byte[] needle = "alice".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(der, needle);
        assertThat(at).isPositive();
        der[at] = 'b';

        assertThatThrownBy(() -> FullPkiRequest.parse(der)).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void selfSignedWithSharedSecret_verifiesIdentityProofAndPopLink() {
        KeyPair keys = keys();
        Signer key = Signer.of(keys.getPrivate(), keys.getPublic());
        Der random = Der.of(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 13, 14, 15, 16});
        Csr csr = PopLinks.addWitness(csr(keys, "CN=bob,UID=bob,O=EXAMPLE"), key,
                PopLinks.witness(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET, random));
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr);
        b.identification("bob").popLinkRandom(random).identityProofV2(MacAlgorithm.SHA384, MacAlgorithm.SHA512, SECRET);
        Der ski = PublicKeys.keyIdentifier(keys.getPublic());

        FullPkiRequest request = FullPkiRequest.parse(b.selfSigned(key, ski).bytes());

        assertThat(request.signer()).isEqualTo(new CmcSigner.SelfSigned(1, ski));
        assertThat(request.certificates()).isEmpty();
        assertThat(request.controls().identityProofV2()).hasValueSatisfying(p -> {
            assertThat(p.hash()).isEqualTo(MacAlgorithm.SHA384);
            assertThat(p.mac()).isEqualTo(MacAlgorithm.SHA512);
        });
        request.verifyIdentityProof(SECRET);
        request.verifyPopLinkWitness(request.requests().get(0), SECRET);
        request.requests().get(0).verifyPop();
    }

    @Test
    void wrongSharedSecret_isUnauthorizedAndPopLinkFails() {
        KeyPair keys = keys();
        Signer key = Signer.of(keys.getPrivate(), keys.getPublic());
        Der random = Der.of(new byte[] {1, 1, 2, 3, 5, 8, 13, 21});
        Csr csr = PopLinks.addWitness(csr(keys, "CN=carol"), key, PopLinks.witness(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET, random));
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr);
        b.identification("carol").popLinkRandom(random).identityProofV2(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET);
        FullPkiRequest request = FullPkiRequest.parse(b.selfSigned(key, PublicKeys.keyIdentifier(keys.getPublic())).bytes());

        assertThatThrownBy(() -> request.verifyIdentityProof(Secret.of("wrong"))).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertThatThrownBy(() -> request.verifyPopLinkWitness(request.requests().get(0), Secret.of("wrong")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP));
    }

    @Test
    void identityProofOverOtherReqSequence_isUnauthorized() {
        KeyPair keys = keys();
        Signer key = Signer.of(keys.getPrivate(), keys.getPublic());
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr(keys, "CN=dave"));
        b.identification("dave").identityProofV2(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET);
        FullPkiRequest genuine = FullPkiRequest.parse(b.selfSigned(key, PublicKeys.keyIdentifier(keys.getPublic())).bytes());
        byte[] tampered = genuine.reqSequence().bytes();
        tampered[tampered.length - 1] ^= 1;
        FullPkiRequest altered = new FullPkiRequest(genuine.encoded(), Der.of(tampered), genuine.requests(), genuine.controls(),
                genuine.signer(), genuine.certificates());

        genuine.verifyIdentityProof(SECRET);
        assertThatThrownBy(() -> altered.verifyIdentityProof(SECRET)).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
    }

    @Test
    void selfSignedByUnknownKey_isBadSignature() {
        KeyPair keys = keys();
        KeyPair other = keys();
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr(keys, "CN=erin"));
        Der der = b.selfSigned(Signer.of(other.getPrivate(), other.getPublic()), PublicKeys.keyIdentifier(other.getPublic()));

        assertThatThrownBy(() -> FullPkiRequest.parse(der.bytes())).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
    }

    @Test
    void pkcs10SignedByAnotherKey_failsPop() {
        KeyPair keys = keys();
        KeyPair other = keys();
        Csr forged = new CsrBuilder().subject(DistinguishedName.parse("CN=mallory")).build(Signer.of(other.getPrivate(), keys.getPublic()));
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(forged);
        FullPkiRequest request = FullPkiRequest.parse(b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent)).bytes());

        assertThatThrownBy(() -> request.requests().get(0).verifyPop()).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP));
    }

    @Test
    void crmfWithSignaturePop_parsesAndVerifies() {
        KeyPair keys = KeySpec.RSA_2048.generate(CmcTestPki.RANDOM);
        Signer key = Signer.of(keys.getPrivate(), keys.getPublic());
        CrmfRequest crmf = new CrmfRequestBuilder().certReqId(BigInteger.valueOf(5)).subject(DistinguishedName.parse("CN=frank,O=EXAMPLE"))
                .requestSubjectKeyIdentifier().build(key);
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addCrmf(crmf);
        b.senderNonce(Der.of(new byte[] {42}));

        FullPkiRequest request = FullPkiRequest.parse(b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent)).bytes());

        assertThat(request.requests()).singleElement().satisfies(r -> {
            assertThat(r).isInstanceOf(CrmfCmcRequest.class);
            assertThat(r.bodyPartId()).isEqualTo(5);
            assertThat(r.publicKey()).isEqualTo(keys.getPublic());
            assertThat(r.requestedSubjectKeyIdentifier()).contains(PublicKeys.keyIdentifier(keys.getPublic()));
            r.verifyPop();
        });
        assertThat(((CrmfCmcRequest) request.requests().get(0)).crmf().hasArchiveOptions()).isFalse();
        assertThat(request.controls().senderNonce()).contains(Der.of(new byte[] {42}));
    }

    @Test
    void crmfSelfSignedWithPopLinkWitness_verifies() {
        KeyPair keys = keys();
        Signer key = Signer.of(keys.getPrivate(), keys.getPublic());
        Der random = Der.of(new byte[] {3, 1, 4, 1, 5, 9, 2, 6});
        CrmfRequestBuilder crmf = new CrmfRequestBuilder().subject(DistinguishedName.parse("CN=gina")).requestSubjectKeyIdentifier();
        PopLinks.addWitness(crmf, PopLinks.witness(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET, random));
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addCrmf(crmf.build(key));
        b.identification("gina").popLinkRandom(random).identityProofV2(MacAlgorithm.SHA256, MacAlgorithm.SHA256, SECRET);

        FullPkiRequest request = FullPkiRequest.parse(b.selfSigned(key, PublicKeys.keyIdentifier(keys.getPublic())).bytes());

        request.verifyIdentityProof(SECRET);
        request.verifyPopLinkWitness(request.requests().get(0), SECRET);
        assertThatThrownBy(() -> request.verifyPopLinkWitness(request.requests().get(0), Secret.of("nope")))
                .isInstanceOfSatisfying(BrevetException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP));
    }

    @Test
    void crmfWithForgedOrMissingPop_failsPop() {
        KeyPair keys = keys();
        KeyPair other = keys();
        CrmfRequest forged = new CrmfRequestBuilder().subject(DistinguishedName.parse("CN=h")).build(Signer.of(other.getPrivate(), keys.getPublic()));
        CrmfRequest none = new CrmfRequestBuilder().subject(DistinguishedName.parse("CN=h")).withoutPop()
                .build(Signer.of(keys.getPrivate(), keys.getPublic()));

        assertThat(none.popType()).isEqualTo(PopType.RA_VERIFIED);
        assertThatThrownBy(forged::verifySignaturePop).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP));
        assertThatThrownBy(none::verifySignaturePop).isInstanceOfSatisfying(BrevetException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_POP));
    }

    @Test
    void nonCmsOrTruncatedBody_isMalformed() {
        FullPkiRequestBuilder b = new FullPkiRequestBuilder();
        b.addPkcs10(csr(keys(), "CN=i"));
        byte[] der = b.signedBy(PKI.agentSigner, PKI.agent, List.of(PKI.agent)).bytes();

        for (byte[] bad : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(der, der.length / 2),
                SimplePkiResponse.encode(List.of(PKI.ca)).bytes())) {
            assertThatThrownBy(() -> FullPkiRequest.parse(bad)).isInstanceOfSatisfying(BrevetException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
