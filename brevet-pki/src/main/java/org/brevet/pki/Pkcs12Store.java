package org.brevet.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The content of a PKCS#12 file (RFC 7292): named entries, each a private key with its certificate chain
 * or a trusted certificate. An immutable value: {@code with...}/{@code without} return a new store.
 *
 * <p>Files are written with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for keys and certificates and a
 * SHA-256 MAC, which OpenSSL 3 reads without its legacy provider and the JDK's KeyStore reads too; they are
 * replaced atomically with mode 0600. Reading accepts those and the legacy algorithms (3DES, RC2) older
 * tools write. Aliases are the entries' friendlyName attributes, case preserved (Dogtag's nicknames).
 */
public final class Pkcs12Store {
    /** One entry. */
    public sealed interface Entry permits KeyEntry, TrustedEntry {
    }

    /** A private key and its chain, end-entity certificate first. */
    public record KeyEntry(PrivateKey privateKey, List<Certificate> chain) implements Entry {
        public KeyEntry {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a key entry needs at least its own certificate");
            }
        }

        public Certificate certificate() {
            return chain.get(0);
        }

        /** A signer over this key, with the algorithm chosen from the key. */
        public Signer signer() {
            return Signer.of(privateKey, certificate().publicKey());
        }
    }

    /** A certificate trusted on its own (a CA certificate, a peer). */
    public record TrustedEntry(Certificate certificate) implements Entry {
        public TrustedEntry {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    private static final Pkcs12Store EMPTY = new Pkcs12Store(Map.of());

    private final Map<String, Entry> entries;

    private Pkcs12Store(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Pkcs12Store empty() {
        return EMPTY;
    }

    static Pkcs12Store of(Map<String, Entry> entries) {
        return new Pkcs12Store(entries);
    }

    /** Parses PKCS#12 bytes; {@code source} names them in errors (a file name). */
    public static Pkcs12Store decode(byte[] pkcs12, Secret password, String source) {
        return Pkcs12Codec.decode(pkcs12, password, source);
    }

    /**
     * Reads a PKCS#12 file.
     *
     * @throws BrevetException UNAUTHORIZED for a wrong password, MALFORMED for a file that is not PKCS#12,
     *     NOT_FOUND if it does not exist
     */
    public static Pkcs12Store read(Path file, Secret password) {
        return decode(FileInput.read(file), password, file.toString());
    }

    /** Encodes the store, protected by the password. */
    public byte[] encode(Secret password, SecureRandom random) {
        return Pkcs12Codec.encode(this, password, random);
    }

    /** Writes the store atomically with mode 0600. */
    public void write(Path file, Secret password, SecureRandom random) {
        AtomicFiles.writeSecret(file, encode(password, random));
    }

    /**
     * An in-memory JDK KeyStore with the same entries, each key protected by {@code password}: for an
     * SSLContext's KeyManagerFactory (key entries) or TrustManagerFactory (trusted entries).
     */
    public java.security.KeyStore toKeyStore(Secret password) {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (e.getValue() instanceof KeyEntry key) {
                    java.security.cert.X509Certificate[] chain = key.chain().stream().map(Certificate::toX509)
                            .toArray(java.security.cert.X509Certificate[]::new);
                    ks.setKeyEntry(e.getKey(), key.privateKey(), password.chars(), chain);
                } else if (e.getValue() instanceof TrustedEntry trusted) {
                    ks.setCertificateEntry(e.getKey(), trusted.certificate().toX509());
                }
            }
            return ks;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new BrevetException(ErrorKind.INTERNAL, "cannot build a KeyStore", e);
        }
    }

    public Pkcs12Store withKey(String alias, PrivateKey key, List<Certificate> chain) {
        return with(alias, new KeyEntry(key, chain));
    }

    public Pkcs12Store withTrusted(String alias, Certificate certificate) {
        return with(alias, new TrustedEntry(certificate));
    }

    /** Adds or replaces the entry under the alias. */
    public Pkcs12Store with(String alias, Entry entry) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("alias must not be blank");
        }
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(alias, Objects.requireNonNull(entry, "entry"));
        return new Pkcs12Store(copy);
    }

    public Pkcs12Store without(String alias) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.remove(alias);
        return new Pkcs12Store(copy);
    }

    /** Aliases in file order. */
    public Set<String> aliases() {
        return entries.keySet();
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String alias) {
        return Optional.ofNullable(entries.get(alias));
    }

    public Optional<KeyEntry> keyEntry(String alias) {
        return entry(alias).filter(KeyEntry.class::isInstance).map(KeyEntry.class::cast);
    }

    public Optional<Certificate> trustedCertificate(String alias) {
        return entry(alias).filter(TrustedEntry.class::isInstance).map(e -> ((TrustedEntry) e).certificate());
    }

    @Override
    public String toString() {
        return "Pkcs12Store" + entries.keySet();
    }
}
