package org.brevet.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * What kind of key pair: RSA with a modulus size, or EC on a NIST curve (P-256, P-384, P-521, where
 * {@code size} is the curve's field size). Written as {@code rsa:2048} or {@code ec:p256}.
 */
public record KeySpec(KeyAlgorithm algorithm, int size) {
    public static final KeySpec RSA_2048 = new KeySpec(KeyAlgorithm.RSA, 2048);
    public static final KeySpec RSA_3072 = new KeySpec(KeyAlgorithm.RSA, 3072);
    public static final KeySpec RSA_4096 = new KeySpec(KeyAlgorithm.RSA, 4096);
    public static final KeySpec EC_P256 = new KeySpec(KeyAlgorithm.EC, 256);
    public static final KeySpec EC_P384 = new KeySpec(KeyAlgorithm.EC, 384);
    public static final KeySpec EC_P521 = new KeySpec(KeyAlgorithm.EC, 521);

    private static final int MIN_RSA_DESCRIBED = 512;
    private static final int MIN_RSA_GENERATED = 2048;
    private static final int MAX_RSA = 16384;

    public KeySpec {
        Objects.requireNonNull(algorithm, "algorithm");
        if (algorithm == KeyAlgorithm.RSA && (size < MIN_RSA_DESCRIBED || size > MAX_RSA)) {
            throw new BrevetException(ErrorKind.MALFORMED, "unsupported RSA key size " + size);
        }
        if (algorithm == KeyAlgorithm.EC && size != 256 && size != 384 && size != 521) {
            throw new BrevetException(ErrorKind.MALFORMED, "unsupported EC curve size " + size + " (use 256, 384 or 521)");
        }
    }

    /**
     * Parses {@code rsa:2048}, {@code rsa:3072}, {@code rsa:4096}, {@code rsa:8192}, {@code ec:p256},
     * {@code ec:p384}, {@code ec:p521} (case-insensitive; curve aliases {@code prime256v1},
     * {@code secp256r1}, {@code P-256} and so on are accepted).
     */
    public static KeySpec parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw malformed(text);
        }
        String alg = s.substring(0, colon);
        String param = s.substring(colon + 1);
        if (alg.equals("rsa")) {
            return rsa(parseRsaSize(param, text));
        }
        if (alg.equals("ec") || alg.equals("ecdsa")) {
            return new KeySpec(KeyAlgorithm.EC, curveSize(param, text));
        }
        throw malformed(text);
    }

    /**
     * certmonger-style: key type ("RSA", "EC", "ECDSA"; case-insensitive) and key size in bits (for EC the
     * curve size: 256, 384 or 521).
     */
    public static KeySpec of(String keyType, int size) {
        String t = keyType.trim().toUpperCase(Locale.ROOT);
        if (t.equals("RSA")) {
            return rsa(size);
        }
        if (t.equals("EC") || t.equals("ECDSA")) {
            return new KeySpec(KeyAlgorithm.EC, size);
        }
        throw new BrevetException(ErrorKind.MALFORMED, "unsupported key type '" + keyType + "' (use RSA or EC)");
    }

    /** Describes an existing public key. */
    public static KeySpec of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new KeySpec(KeyAlgorithm.RSA, rsa.getModulus().bitLength());
        }
        if (Providers.isEc(key.getAlgorithm()) && key.getEncoded() != null) {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            return ofEcParameters(spki);
        }
        throw new BrevetException(ErrorKind.MALFORMED, "unsupported key type " + key.getAlgorithm());
    }

    static KeySpec ofEcParameters(SubjectPublicKeyInfo spki) {
        if (spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            if (curve.equals(X9ObjectIdentifiers.prime256v1)) {
                return EC_P256;
            }
            if (curve.equals(SECObjectIdentifiers.secp384r1)) {
                return EC_P384;
            }
            if (curve.equals(SECObjectIdentifiers.secp521r1)) {
                return EC_P521;
            }
            throw new BrevetException(ErrorKind.MALFORMED, "unsupported EC curve " + curve.getId());
        }
        throw new BrevetException(ErrorKind.MALFORMED, "EC keys with explicit curve parameters are not supported");
    }

    private static KeySpec rsa(int size) {
        if (size < MIN_RSA_GENERATED || size % 8 != 0) {
            throw new BrevetException(ErrorKind.MALFORMED,
                    "unsupported RSA key size " + size + " (at least " + MIN_RSA_GENERATED + ", a multiple of 8)");
        }
        return new KeySpec(KeyAlgorithm.RSA, size);
    }

    private static int parseRsaSize(String param, String text) {
        try {
            return Integer.parseInt(param);
        } catch (NumberFormatException e) {
            throw malformed(text);
        }
    }

    private static int curveSize(String param, String text) {
        switch (param.replace("-", "")) {
            case "p256": case "256": case "prime256v1": case "secp256r1": case "nistp256":
                return 256;
            case "p384": case "384": case "secp384r1": case "nistp384":
                return 384;
            case "p521": case "521": case "secp521r1": case "nistp521":
                return 521;
            default:
                throw malformed(text);
        }
    }

    private static BrevetException malformed(String text) {
        return new BrevetException(ErrorKind.MALFORMED, "unknown key specification '" + text
                + "' (use rsa:2048, rsa:3072, rsa:4096, ec:p256, ec:p384 or ec:p521)");
    }

    /** The standard curve name ("secp256r1", ...) for EC specs. */
    public String curveName() {
        if (algorithm != KeyAlgorithm.EC) {
            throw new IllegalStateException("not an EC key spec: " + this);
        }
        return "secp" + size + "r1";
    }

    /** The JCA key algorithm name ("RSA" or "EC"). */
    public String jcaName() {
        return algorithm.name();
    }

    /** The signature algorithm Brevet uses with keys of this kind. */
    public SignatureAlgorithm signatureAlgorithm() {
        return SignatureAlgorithm.forKey(this);
    }

    /** Generates a new key pair (EC with BouncyCastle, RSA with the JDK). */
    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g;
            if (algorithm == KeyAlgorithm.EC) {
                g = KeyPairGenerator.getInstance("EC", Providers.bc());
                g.initialize(new ECGenParameterSpec(curveName()), random);
            } else {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(new RSAKeyGenParameterSpec(size, RSAKeyGenParameterSpec.F4), random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot generate a " + this + " key pair", e);
        }
    }

    @Override
    public String toString() {
        return algorithm == KeyAlgorithm.RSA ? "rsa:" + size : "ec:p" + size;
    }
}
