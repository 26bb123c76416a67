package org.brevet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DATA = "to be signed".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"rsa:2048", "ec:p256", "ec:p384", "ec:p521"})
    void sign_verifiesWithTheJdkSignature(String spec) throws Exception {
        KeyPair kp = KeySpec.parse(spec).generate(RANDOM);
        Signer signer = Signer.of(kp.getPrivate(), kp.getPublic());
        assertThat(signer.signatureAlgorithm()).isEqualTo(KeySpec.parse(spec).signatureAlgorithm());
        byte[] sig = signer.sign(DATA);
        Signature jdk = Signature.getInstance(signer.signatureAlgorithm().jcaName(), spec.startsWith("ec") ? "SunEC" : "SunRsaSign");
        jdk.initVerify(kp.getPublic());
        jdk.update(DATA);
        assertThat(jdk.verify(sig)).isTrue();
    }

    @Test
    void providers_ecGoesToBouncyCastleAndRsaToTheJdk() {
        KeyPair ec = KeySpec.EC_P256.generate(RANDOM);
        KeyPair rsa = KeySpec.RSA_2048.generate(RANDOM);
        assertThat(Providers.signatureForSigning("SHA256withECDSA", ec.getPrivate()).getProvider().getName()).isEqualTo("BC");
        assertThat(Providers.signatureForSigning("SHA256withRSA", rsa.getPrivate()).getProvider().getName()).isEqualTo("SunRsaSign");
        assertThat(Providers.signature("SHA256withECDSA", "EC").getProvider()).isSameAs(Providers.bc());
    }

    @Test
    void providers_registerBouncyCastleOnceAtTheEnd() {
        Providers.bc();
        long count = Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals("BC")).count();
        assertThat(count).isEqualTo(1);
        assertThat(Security.getProviders()[0].getName()).isNotEqualTo("BC");
        assertThat(Security.getProvider("BC")).isSameAs(Providers.bc());
    }

    @Test
    void signer_isSafeToShareBetweenThreads() throws Exception {
        KeyPair kp = KeySpec.EC_P256.generate(RANDOM);
        Signer signer = Signer.of(kp.getPrivate(), kp.getPublic());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Csr>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String cn = "CN=t" + i;
                futures.add(pool.submit(() -> new CsrBuilder().subject(DistinguishedName.parse(cn)).build(signer)));
            }
            for (Future<Csr> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS).isSignatureValid()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void of_mismatchedAlgorithm_isRejected() {
        KeyPair kp = KeySpec.EC_P256.generate(RANDOM);
        assertThatThrownBy(() -> Signer.of(kp.getPrivate(), kp.getPublic(), SignatureAlgorithm.SHA256_WITH_RSA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitAlgorithm_isUsedAndVerifies() {
        KeyPair kp = KeySpec.EC_P256.generate(RANDOM);
        Signer signer = Signer.of(kp.getPrivate(), kp.getPublic(), SignatureAlgorithm.SHA384_WITH_ECDSA);
        Csr csr = new CsrBuilder().subject(DistinguishedName.parse("CN=x")).build(signer);
        assertThat(csr.signatureAlgorithmOid()).isEqualTo("1.2.840.10045.4.3.3");
        csr.verifySignature();
    }
}
