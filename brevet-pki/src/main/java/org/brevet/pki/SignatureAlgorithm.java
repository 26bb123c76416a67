package org.brevet.pki;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/** The signature algorithms Brevet signs with. */
public enum SignatureAlgorithm {
    SHA256_WITH_RSA("SHA256withRSA", KeyAlgorithm.RSA),
    SHA384_WITH_RSA("SHA384withRSA", KeyAlgorithm.RSA),
    SHA512_WITH_RSA("SHA512withRSA", KeyAlgorithm.RSA),
    SHA256_WITH_ECDSA("SHA256withECDSA", KeyAlgorithm.EC),
    SHA384_WITH_ECDSA("SHA384withECDSA", KeyAlgorithm.EC),
    SHA512_WITH_ECDSA("SHA512withECDSA", KeyAlgorithm.EC);

    private final String jcaName;
    private final KeyAlgorithm keyAlgorithm;
    private final AlgorithmIdentifier identifier;

    SignatureAlgorithm(String jcaName, KeyAlgorithm keyAlgorithm) {
        this.jcaName = jcaName;
        this.keyAlgorithm = keyAlgorithm;
        this.identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(jcaName);
    }

    /** SHA256withRSA for any RSA key; SHA-256/384/512 with ECDSA for P-256/384/521. */
    public static SignatureAlgorithm forKey(KeySpec spec) {
        if (spec.algorithm() == KeyAlgorithm.RSA) {
            return SHA256_WITH_RSA;
        }
        switch (spec.size()) {
            case 256: return SHA256_WITH_ECDSA;
            case 384: return SHA384_WITH_ECDSA;
            default: return SHA512_WITH_ECDSA;
        }
    }

    /** Looks up by JCA name, case-insensitively ("sha256withrsa"). */
    public static Optional<SignatureAlgorithm> fromJcaName(String name) {
        return Arrays.stream(values()).filter(a -> a.jcaName.equalsIgnoreCase(name)).findFirst();
    }

    /** Looks up by the AlgorithmIdentifier's OID (parameters ignored: RSA's NULL may be absent). */
    public static Optional<SignatureAlgorithm> fromIdentifier(AlgorithmIdentifier id) {
        for (SignatureAlgorithm a : values()) {
            if (a.identifier.getAlgorithm().equals(id.getAlgorithm())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public String jcaName() {
        return jcaName;
    }

    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The X.509 AlgorithmIdentifier (RSA with NULL parameters, ECDSA without). */
    public AlgorithmIdentifier algorithmIdentifier() {
        return identifier;
    }
}
