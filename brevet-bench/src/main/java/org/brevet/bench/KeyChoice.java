package org.brevet.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

/** The key types the benchmarks accept, spelled as the CLI spells them ("rsa:2048", "ec:p256"). */
enum KeyChoice {
    RSA2048("rsa:2048", "RSA", 2048, null, "SHA256withRSA"),
    RSA3072("rsa:3072", "RSA", 3072, null, "SHA256withRSA"),
    RSA4096("rsa:4096", "RSA", 4096, null, "SHA256withRSA"),
    P256("ec:p256", "EC", 256, "secp256r1", "SHA256withECDSA"),
    P384("ec:p384", "EC", 384, "secp384r1", "SHA384withECDSA");

    final String spec;
    final String algorithm;
    final int bits;
    final String curve;
    final String signatureAlgorithm;

    KeyChoice(String spec, String algorithm, int bits, String curve, String signatureAlgorithm) {
        this.spec = spec;
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    static KeyChoice parse(String text) {
        for (KeyChoice k : values()) {
            if (k.spec.equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown key '" + text + "' (rsa:2048, rsa:3072, rsa:4096, ec:p256, ec:p384)");
    }

    boolean isEc() {
        return algorithm.equals("EC");
    }

    /**
     * The provider that is fastest for this algorithm on JDK 17 (measured: BouncyCastle signs and verifies
     * EC about six times faster than SunEC; for RSA the JDK is as fast or slightly faster).
     */
    String provider() {
        return isEc() ? "BC" : "SunRsaSign";
    }

    KeyPair generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, isEc() ? "BC" : "SunRsaSign");
        if (isEc()) {
            g.initialize(new ECGenParameterSpec(curve), new SecureRandom());
        } else {
            g.initialize(bits, new SecureRandom());
        }
        return g.generateKeyPair();
    }
}
