package org.brevet.protocol.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.brevet.pki.Certificate;
import org.brevet.pki.Der;
import org.brevet.pki.SerialNumber;

/**
 * CertID (RFC 6960 §4.1.1): the hash algorithm, the hashes of the issuer's name and public key, and the
 * serial. {@code encoded} is the DER exactly as the client sent it, which the response must repeat.
 * The serial is kept as sent (a client may send zero or a negative number: such a serial is simply unknown).
 */
public record CertId(String hashAlgorithm, Der issuerNameHash, Der issuerKeyHash, BigInteger serial, Der encoded) {
    private static final Map<String, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1.getId(), "SHA-1",
            NISTObjectIdentifiers.id_sha256.getId(), "SHA-256",
            NISTObjectIdentifiers.id_sha384.getId(), "SHA-384",
            NISTObjectIdentifiers.id_sha512.getId(), "SHA-512");

    public static final String SHA1 = OIWObjectIdentifiers.idSHA1.getId();
    public static final String SHA256 = NISTObjectIdentifiers.id_sha256.getId();

    public CertId {
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        Objects.requireNonNull(issuerNameHash, "issuerNameHash");
        Objects.requireNonNull(issuerKeyHash, "issuerKeyHash");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(encoded, "encoded");
    }

    /** The CertID a client would build for a certificate of {@code issuer} (hash: {@link #SHA1} or {@link #SHA256}, ...). */
    public static CertId of(Certificate issuer, SerialNumber serial, String hashAlgorithm) {
        String digest = digestName(hashAlgorithm).orElseThrow(() -> new IllegalArgumentException("unsupported hash " + hashAlgorithm));
        Der name = Der.of(hash(digest, issuer.toBc().getSubject().toASN1Primitive()));
        Der key = Der.of(hash(digest, issuer.toBc().getSubjectPublicKeyInfo().getPublicKeyData().getBytes()));
        org.bouncycastle.asn1.ocsp.CertID bc = new org.bouncycastle.asn1.ocsp.CertID(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier(hashAlgorithm), DERNull.INSTANCE),
                new DEROctetString(name.bytes()), new DEROctetString(key.bytes()), new ASN1Integer(serial.value()));
        try {
            return new CertId(hashAlgorithm, name, key, serial.value(), Der.of(bc.getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the hash algorithm is one this codec can compute (SHA-1, SHA-256/384/512). */
    public boolean hashSupported() {
        return DIGESTS.containsKey(hashAlgorithm);
    }

    /** True when the issuer name and key hashes are those of {@code issuer}; false for an unsupported hash. */
    public boolean issuedBy(Certificate issuer) {
        Optional<String> digest = digestName(hashAlgorithm);
        if (digest.isEmpty()) {
            return false;
        }
        byte[] name = hash(digest.get(), issuer.toBc().getSubject().toASN1Primitive());
        byte[] key = hash(digest.get(), issuer.toBc().getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
        return MessageDigest.isEqual(name, issuerNameHash.bytes()) && MessageDigest.isEqual(key, issuerKeyHash.bytes());
    }

    /** The serial as a certificate serial number, if it is a valid one (positive, at most 20 octets). */
    public Optional<SerialNumber> serialNumber() {
        if (serial.signum() <= 0 || serial.bitLength() > 159) {
            return Optional.empty();
        }
        return Optional.of(new SerialNumber(serial));
    }

    private static Optional<String> digestName(String oid) {
        return Optional.ofNullable(DIGESTS.get(oid));
    }

    private static byte[] hash(String digest, org.bouncycastle.asn1.ASN1Primitive value) {
        try {
            return hash(digest, value.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hash(String digest, byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is missing from the JDK", e);
        }
    }
}
