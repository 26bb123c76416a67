package org.brevet.protocol.crmf;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * How the AES session key of an {@link EncryptedPrivateKey} is wrapped to the recipient's RSA key (the
 * EncryptedValue's keyAlg). Brevet writes RSA-OAEP with SHA-256 (and MGF1-SHA-256); RSA PKCS#1 v1.5 is what
 * CRMFPopClient writes without {@code --oaep}, accepted for those old clients.
 */
public enum SessionKeyWrapping {
    /** RSAES-OAEP (RFC 8017 §7.1) with SHA-256 and MGF1-SHA-256. */
    RSA_OAEP_SHA256("RSA/ECB/OAEPPadding"),
    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1 (the RFC 8017 defaults), accepted when parsing. */
    RSA_OAEP_SHA1("RSA/ECB/OAEPPadding"),
    /** RSAES-PKCS1-v1_5 (RFC 8017 §7.2), accepted for old clients. */
    RSA_PKCS1("RSA/ECB/PKCS1Padding");

    private final String transformation;

    SessionKeyWrapping(String transformation) {
        this.transformation = transformation;
    }

    String transformation() {
        return transformation;
    }

    /** The JCA parameters, or null for PKCS#1 v1.5. */
    AlgorithmParameterSpec parameters() {
        switch (this) {
            case RSA_OAEP_SHA256:
                return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            case RSA_OAEP_SHA1:
                return new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
            default:
                return null;
        }
    }

    /** The AlgorithmIdentifier written in EncryptedValue.keyAlg. */
    AlgorithmIdentifier algorithmIdentifier() {
        switch (this) {
            case RSA_OAEP_SHA256: {
                AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(sha256,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256), RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
            }
            case RSA_OAEP_SHA1:
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams());
            default:
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
        }
    }
}
