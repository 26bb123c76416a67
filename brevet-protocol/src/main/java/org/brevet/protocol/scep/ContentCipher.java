package org.brevet.protocol.scep;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;

/**
 * The content-encryption algorithms of the SCEP envelope: AES for what Brevet sends, and DES-EDE3-CBC
 * accepted on input from older clients. Single DES is refused (OpenSSL 3 clients cannot read it either).
 */
public enum ContentCipher {
    AES_128_CBC(CMSAlgorithm.AES128_CBC),
    AES_192_CBC(CMSAlgorithm.AES192_CBC),
    AES_256_CBC(CMSAlgorithm.AES256_CBC),
    DES_EDE3_CBC(CMSAlgorithm.DES_EDE3_CBC);

    private final ASN1ObjectIdentifier oid;

    ContentCipher(ASN1ObjectIdentifier oid) {
        this.oid = oid;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    public boolean isAes() {
        return this != DES_EDE3_CBC;
    }

    static Optional<ContentCipher> fromOid(String oid) {
        for (ContentCipher c : values()) {
            if (c.oid.getId().equals(oid)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
