package org.brevet.protocol.crmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.crmf.EncryptedKey;
import org.bouncycastle.asn1.crmf.EncryptedValue;
import org.bouncycastle.asn1.crmf.PKIArchiveOptions;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.brevet.pki.Der;
import org.brevet.pki.KeySpec;
import org.brevet.pki.Pem;
import org.brevet.pki.PrivateKeys;
import org.brevet.pki.PublicKeys;
import org.brevet.testkit.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive envelope against OpenSSL: what Brevet wraps, openssl unwraps (pkeyutl RSA-OAEP-SHA-256 for the
 * session key, enc id-aes128-wrap-pad or aes-128-cbc for the PKCS#8); and what openssl wraps the way an old
 * CRMFPopClient does (PKCS#1 v1.5 session key, no keyAlg), Brevet unwraps.
 */
class ArchiveOptionsInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 5649 §3: the alternative initial value of AES key wrap with padding (openssl wants it as the IV). */
    private static final String KWP_IV = "A65959A6";

    @TempDir
    Path dir;

    @Test
    void brevetWrapped_opensslUnwraps_keyWrapAndCbc() throws Exception {
        Openssl openssl = new Openssl(dir);
        KeyPair transport = KeySpec.RSA_2048.generate(RANDOM);
        KeyPair user = KeySpec.EC_P256.generate(RANDOM);
        PrivateKeys.write(dir.resolve("transport.pem"), transport.getPrivate());
        for (KeyWrapAlgorithm alg : new KeyWrapAlgorithm[] {KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD, KeyWrapAlgorithm.AES_128_CBC_PAD}) {
            EncryptedValue value = ArchiveOptions.parse(ArchiveOptions.wrap(user.getPrivate(), transport.getPublic(), alg, RANDOM)
                    .toDer()).encryptedKey().toBc();
            Files.write(dir.resolve("session.enc"), value.getEncSymmKey().getOctets());
            Files.write(dir.resolve("key.enc"), value.getEncValue().getOctets());

            openssl.ok("pkeyutl", "-decrypt", "-inkey", dir.resolve("transport.pem").toString(),
                    "-in", dir.resolve("session.enc").toString(), "-out", dir.resolve("session.raw").toString(),
                    "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");
            String key = HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("session.raw")));
            String iv = alg.isCbc()
                    ? HexFormat.of().formatHex(ASN1OctetString.getInstance(value.getSymmAlg().getParameters()).getOctets())
                    : KWP_IV;
            openssl.ok("enc", "-d", alg.isCbc() ? "-aes-128-cbc" : "-id-aes128-wrap-pad", "-K", key, "-iv", iv,
                    "-in", dir.resolve("key.enc").toString(), "-out", dir.resolve("key.der").toString());

            assertThat(Files.readAllBytes(dir.resolve("key.der"))).as(alg.name()).isEqualTo(user.getPrivate().getEncoded());
        }
    }

    @Test
    void opensslWrapped_likeAnOldCrmfPopClient_brevetUnwraps() throws Exception {
        Openssl openssl = new Openssl(dir);
        KeyPair transport = KeySpec.RSA_2048.generate(RANDOM);
        KeyPair user = KeySpec.RSA_2048.generate(RANDOM);
        Files.writeString(dir.resolve("transport-pub.pem"), Pem.encode("PUBLIC KEY", PublicKeys.toDer(transport.getPublic())));
        Files.write(dir.resolve("key.der"), user.getPrivate().getEncoded());
        byte[] sessionKey = new byte[16];
        RANDOM.nextBytes(sessionKey);
        Files.write(dir.resolve("session.raw"), sessionKey);
        String hex = HexFormat.of().formatHex(sessionKey);

        openssl.ok("pkeyutl", "-encrypt", "-pubin", "-inkey", dir.resolve("transport-pub.pem").toString(),
                "-in", dir.resolve("session.raw").toString(), "-out", dir.resolve("session.enc").toString(),
                "-pkeyopt", "rsa_padding_mode:pkcs1");
        openssl.ok("enc", "-id-aes128-wrap-pad", "-K", hex, "-iv", KWP_IV, "-in", dir.resolve("key.der").toString(),
                "-out", dir.resolve("key.enc").toString());
        byte[] dogtagIv = new byte[16];
        RANDOM.nextBytes(dogtagIv);
        EncryptedValue value = new EncryptedValue(null,
                new AlgorithmIdentifier(new ASN1ObjectIdentifier(KeyWrapAlgorithm.AES_128_KEY_WRAP_PAD.oid()), new DEROctetString(dogtagIv)),
                new DERBitString(Files.readAllBytes(dir.resolve("session.enc"))), null, null,
                new DERBitString(Files.readAllBytes(dir.resolve("key.enc"))));
        Der options = Der.of(new PKIArchiveOptions(new EncryptedKey(value)).getEncoded("DER"));

        assertThat(ArchiveOptions.parse(options).unwrap(transport.getPrivate()).getEncoded())
                .isEqualTo(user.getPrivate().getEncoded());
    }
}
