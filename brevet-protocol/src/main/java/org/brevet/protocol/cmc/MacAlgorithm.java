package org.brevet.protocol.cmc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The SHA-2 family as CMC's shared-secret proofs use it: the hash that turns the secret into a MAC key
 * (identityProofV2 proofAlgID, popLinkWitnessV2 keyGenAlgorithm) and the HMAC keyed with it (macAlgId).
 */
public enum MacAlgorithm {
    SHA256("SHA-256", "HmacSHA256", NISTObjectIdentifiers.id_sha256, PKCSObjectIdentifiers.id_hmacWithSHA256),
    SHA384("SHA-384", "HmacSHA384", NISTObjectIdentifiers.id_sha384, PKCSObjectIdentifiers.id_hmacWithSHA384),
    SHA512("SHA-512", "HmacSHA512", NISTObjectIdentifiers.id_sha512, PKCSObjectIdentifiers.id_hmacWithSHA512);

    private final String digestName;
    private final String hmacName;
    private final ASN1ObjectIdentifier digestOid;
    private final ASN1ObjectIdentifier hmacOid;

    MacAlgorithm(String digestName, String hmacName, ASN1ObjectIdentifier digestOid, ASN1ObjectIdentifier hmacOid) {
        this.digestName = digestName;
        this.hmacName = hmacName;
        this.digestOid = digestOid;
        this.hmacOid = hmacOid;
    }

    /** "SHA-256", "SHA-256-HMAC", "SHA256" or "HmacSHA256" (Dogtag's config spellings and the JCA's). */
    public static Optional<MacAlgorithm> fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("HMAC", "");
        return Arrays.stream(values()).filter(a -> a.name().equals(n)).findFirst();
    }

    static Optional<MacAlgorithm> fromDigest(AlgorithmIdentifier id) {
        return Arrays.stream(values()).filter(a -> a.digestOid.equals(id.getAlgorithm())).findFirst();
    }

    static Optional<MacAlgorithm> fromHmac(AlgorithmIdentifier id) {
        return Arrays.stream(values()).filter(a -> a.hmacOid.equals(id.getAlgorithm())).findFirst();
    }

    public String digestName() {
        return digestName;
    }

    public String hmacName() {
        return hmacName;
    }

    AlgorithmIdentifier digestIdentifier() {
        return new AlgorithmIdentifier(digestOid);
    }

    AlgorithmIdentifier hmacIdentifier() {
        return new AlgorithmIdentifier(hmacOid, DERNull.INSTANCE);
    }
}
