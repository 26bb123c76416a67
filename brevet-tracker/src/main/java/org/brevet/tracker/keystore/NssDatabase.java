package org.brevet.tracker.keystore;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;
import org.brevet.pki.KeyAlgorithm;
import org.brevet.pki.KeySpec;
import org.brevet.pki.RawExtension;
import org.brevet.pki.Secret;

/**
 * NSSDB storage: key and certificate in an NSS database ({@code sql:} format, cert9.db/key4.db) under one
 * nickname, optionally on a PKCS#11 token the database knows ({@code -t}). Everything is done by NSS's own
 * {@code certutil} ({@link Certutil}); the private key never leaves the database (or token): certutil
 * generates it ({@code -R}) and signs the CSR with it.
 *
 * <p>A key that has no certificate yet has no nickname in NSS. The tracker keeps the CSR made with it and
 * passes it back ({@code lastRequest}); its public key gives NSS's key id (SHA-1 of the RSA modulus or of
 * the EC point), which certutil accepts as {@code -k}. Once its certificate is imported the key carries the
 * nickname.
 *
 * <p>On renewal the certificate under the nickname is replaced (the old one deleted, the new one added,
 * each one NSS sqlite transaction); after a rekey the old key is deleted too, as certmonger does by default
 * ({@code key_preserve=0}). The tracker keeps the issued certificate until it is saved, so an interrupted
 * save is simply done again.
 *
 * <p>Refused: a legacy dbm database (cert8.db/key3.db): NSS would migrate it to sqlite when opened with
 * {@code sql:}, behind the back of the other programs sharing it (reference §9 #11). A missing directory is
 * an error; an existing empty directory gets a new database (with the PIN as its password), as certmonger
 * does.
 */
public final class NssDatabase implements KeyAndCertStore {
    /** certmonger's name for NSS's internal key and certificate token. */
    public static final String INTERNAL_TOKEN = "NSS Certificate DB";
    private static final Pattern KEY_LINE = Pattern.compile("^<\\s*\\d+>\\s+(\\w+)\\s+([0-9a-fA-F]+)\\s+(.*)$");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (?:NEW )?CERTIFICATE(?: REQUEST)?-----[^-]+-----END (?:NEW )?CERTIFICATE(?: REQUEST)?-----");

    private final Path directory;
    private final String nickname;
    private final String token;
    private final Certutil certutil;
    private final PemFiles.Modes modes;
    private final SecureRandom random;

    /** {@code location} as getcert stores it ({@code sql:/dir}, {@code dbm:/dir} or {@code /dir}); {@code token} may be null. */
    public NssDatabase(String location, String nickname, String token, Certutil certutil, PemFiles.Modes modes,
            SecureRandom random) {
        this.directory = Path.of(org.brevet.tracker.api.Storage.nssDirectory(location));
        if (!location.equals(directory.toString()) && !location.startsWith("sql:")) {
            throw new BrevetException(ErrorKind.MALFORMED, "NSS database \"" + location
                    + "\": only the sql: format (cert9.db, key4.db) is supported");
        }
        this.nickname = nickname;
        this.token = token == null || isInternal(token) ? null : token;
        this.certutil = certutil;
        this.modes = modes;
        this.random = random;
    }

    private static boolean isInternal(String token) {
        return token.equals(INTERNAL_TOKEN) || token.startsWith("NSS FIPS 140-2 Certificate DB")
                || token.equalsIgnoreCase("internal");
    }

    private String db() {
        return "sql:" + directory;
    }

    /** The nickname as NSS looks it up: {@code TOKEN:NICK} for a token other than the internal one. */
    private String qualifiedNickname() {
        return token == null ? nickname : token + ":" + nickname;
    }

    @Override
    public boolean hasKey() {
        return hasKey(Optional.empty());
    }

    /** Whether a key carries the nickname (a certificate with its key was saved, or imported by the user). */
    @Override
    public boolean hasKey(Optional<Secret> pin) {
        if (!databaseExists()) {
            return false;
        }
        Map<String, String> keys = keys(pin);
        if (keys.values().stream().anyMatch(label -> label.equals(nickname) || label.endsWith(":" + nickname))) {
            return true;
        }
        return readCertificate(pin).map(c -> keys.containsKey(keyId(c.publicKey()))).orElse(false);
    }

    @Override
    public Optional<Certificate> readCertificate(Optional<Secret> pin) {
        if (!databaseExists()) {
            return Optional.empty();
        }
        Certutil.Result r = certutil.run(args("-L", "-d", db(), "-n", qualifiedNickname(), "-a", "-f", "/dev/stdin"),
                token == null ? Optional.empty() : pin);
        if (!r.ok()) {
            failOnAccessProblem("read", r);
            return Optional.empty();
        }
        return certificatesIn(r.stdout()).stream().max(Comparator.comparing(Certificate::notAfter));
    }

    @Override
    public boolean generateKey(KeySpec spec, Optional<Secret> pin) {
        throw new BrevetException(ErrorKind.MALFORMED, "NSS keys are generated together with a request");
    }

    @Override
    public NewKey generateKey(KeySpec spec, Optional<Secret> pin, CsrContent content) {
        ensureDatabase(pin);
        boolean asNext = hasKey(pin);
        List<String> a = args("-R", "-d", db());
        if (spec.algorithm() == KeyAlgorithm.EC) {
            a.addAll(List.of("-k", "ec", "-q", "nistp" + spec.size()));
        } else {
            a.addAll(List.of("-k", "rsa", "-g", Integer.toString(spec.size())));
        }
        try (Scratch scratch = Scratch.create()) {
            Path noise = scratch.write("noise", randomBytes(2048));
            a.addAll(List.of("-s", subject(content), "-z", noise.toString(), "-a", "-f", "/dev/stdin"));
            Csr csr = parseCsr(run("generate a key in", a, pin));
            return new NewKey(asNext, Optional.of(csr));
        }
    }

    @Override
    public KeyPair loadKey(Optional<Secret> pin, boolean next) {
        throw new BrevetException(ErrorKind.MALFORMED,
                "the private key stays inside the NSS database " + db() + " and cannot be used outside it");
    }

    @Override
    public Csr request(CsrContent content, Optional<Secret> pin, boolean next, Optional<Csr> lastRequest) {
        requireDatabase();
        PublicKey key = publicKey(pin, next, lastRequest);
        List<String> a = args("-R", "-d", db());
        a.addAll(List.of("-k", keyReference(pin, next, key)));
        try (Scratch scratch = Scratch.create()) {
            List<String> generic = new ArrayList<>();
            int i = 0;
            for (RawExtension e : content.extensions(key)) {
                Path f = scratch.write("ext" + i++, e.value().bytes());
                generic.add(e.oid() + ":" + (e.critical() ? "critical" : "not-critical") + ":" + f);
            }
            a.addAll(List.of("-s", subject(content), "-a", "-f", "/dev/stdin"));
            if (!generic.isEmpty()) {
                a.addAll(List.of("--extGeneric", String.join(",", generic)));
            }
            Csr csr = parseCsr(run("make a request with the key in", a, pin));
            if (!Arrays.equals(csr.publicKey().getEncoded(), key.getEncoded())) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "certutil signed the request with another key than "
                        + "the one expected in " + db());
            }
            return csr;
        }
    }

    @Override
    public PublicKey publicKey(Optional<Secret> pin, boolean next, Optional<Csr> lastRequest) {
        if (!next) {
            Optional<Certificate> current = readCertificate(pin);
            if (current.isPresent()) {
                return current.get().publicKey();
            }
        }
        PublicKey key = lastRequest.map(Csr::publicKey).orElseThrow(() -> new BrevetException(ErrorKind.NOT_FOUND,
                "no key for \"" + nickname + "\" in the NSS database " + db()));
        if (!keyIds(pin).contains(keyId(key))) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "the key generated for \"" + nickname
                    + "\" is no longer in the NSS database " + db());
        }
        return key;
    }

    @Override
    public void save(Certificate certificate, List<Certificate> chain, Optional<Secret> pin, boolean swapNextKey) {
        requireDatabase();
        List<Certificate> old = readCertificate(pin).isPresent() ? allCertificates(pin) : List.of();
        boolean present = old.stream().anyMatch(c -> c.toDer().equals(certificate.toDer()));
        for (Certificate c : old) {
            if (!c.toDer().equals(certificate.toDer())) {
                run("remove the previous certificate from", args("-D", "-d", db(), "-n", qualifiedNickname(), "-f", "/dev/stdin"),
                        pin);
            }
        }
        if (token != null && !old.isEmpty()) {
            removeInternalCopies(certificate, pin);
        }
        if (!present) {
            try (Scratch scratch = Scratch.create()) {
                Path file = scratch.write("cert.pem", certificate.toPem().getBytes(StandardCharsets.US_ASCII));
                run("add the certificate to", args("-A", "-d", db(), "-n", nickname, "-t", ",,", "-a", "-i",
                        file.toString(), "-f", "/dev/stdin"), pin);
            }
        }
        if (swapNextKey) {
            removeReplacedKeys(certificate, old, pin);
        }
        applyModes();
    }

    /**
     * NSS keeps a copy of a token's certificate in the database itself (with its trust, under the same
     * nickname); deleting it from the token leaves that copy, which would still be found by the nickname.
     */
    private void removeInternalCopies(Certificate keep, Optional<Secret> pin) {
        for (int i = 0; i < 16; i++) {
            Certutil.Result r = certutil.run(List.of("-L", "-d", db(), "-n", nickname, "-a"), Optional.empty());
            List<Certificate> copies = r.ok() ? certificatesIn(r.stdout()) : List.of();
            if (copies.isEmpty() || copies.stream().anyMatch(c -> c.toDer().equals(keep.toDer()))) {
                return;
            }
            run("remove the previous certificate's copy from", List.of("-D", "-d", db(), "-n", nickname), pin);
        }
    }

    /** After a rekey: the old certificates' keys are deleted (certmonger's default, key_preserve=0). */
    private void removeReplacedKeys(Certificate certificate, List<Certificate> old, Optional<Secret> pin) {
        String keep = keyId(certificate.publicKey());
        Set<String> present = keyIds(pin);
        for (Certificate c : old) {
            String id = keyId(c.publicKey());
            if (!id.equals(keep) && present.remove(id)) {
                run("remove the replaced key from", args("-F", "-d", db(), "-k", id, "-f", "/dev/stdin"), pin);
            }
        }
    }

    private List<Certificate> allCertificates(Optional<Secret> pin) {
        Certutil.Result r = certutil.run(args("-L", "-d", db(), "-n", qualifiedNickname(), "-a", "-f", "/dev/stdin"),
                token == null ? Optional.empty() : pin);
        return r.ok() ? certificatesIn(r.stdout()) : List.of();
    }

    /** {@code -m}/{@code -M} and {@code -o}/{@code -O} apply to key4.db and cert9.db (reference §7.3). */
    private void applyModes() {
        apply(directory.resolve("key4.db"), modes.keyOwner(), modes.keyPerms());
        apply(directory.resolve("cert9.db"), modes.certOwner(), modes.certPerms());
    }

    private static void apply(Path file, String owner, Integer perms) {
        if (perms != null) {
            try {
                Files.setPosixFilePermissions(file, FileModes.of(perms));
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot set the mode of " + file, e);
            }
        }
        FileModes.applyOwner(file, owner);
    }

    /**
     * {@code -k} for certutil: the nickname for the certified key in the database itself, else NSS's key id
     * (always on a token: finding a key through a token's certificate needs a second login).
     */
    private String keyReference(Optional<Secret> pin, boolean next, PublicKey key) {
        if (token == null && !next && readCertificate(pin).filter(c -> c.publicKey().equals(key)).isPresent()) {
            return qualifiedNickname();
        }
        return keyId(key);
    }

    /** The ids of the private keys in the database (or token), as {@code certutil -K} prints them. */
    Set<String> keyIds(Optional<Secret> pin) {
        return new HashSet<>(keys(pin).keySet());
    }

    /** Key id to label ({@code NSS Certificate DB:NICK}, or {@code (orphan)} for a key without certificate). */
    private Map<String, String> keys(Optional<Secret> pin) {
        Certutil.Result r = certutil.run(args("-K", "-d", db(), "-f", "/dev/stdin"), pin);
        if (!r.ok() && (r.stderr() + r.stdout()).contains("no keys found")) {
            return Map.of();
        }
        String out = checked("list the keys of", r);
        Map<String, String> keys = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = KEY_LINE.matcher(line.trim());
            if (m.matches()) {
                keys.put(m.group(2).toLowerCase(Locale.ROOT), m.group(3).trim());
            }
        }
        return keys;
    }

    /** NSS's CKA_ID of a key it generated: SHA-1 of the RSA modulus, or of the EC public point. */
    static String keyId(PublicKey key) {
        byte[] value;
        if (key instanceof RSAPublicKey rsa) {
            value = unsigned(rsa.getModulus());
        } else if (key instanceof ECPublicKey) {
            value = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        } else {
            throw new BrevetException(ErrorKind.MALFORMED, "unsupported key type " + key.getAlgorithm());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private List<String> args(String... a) {
        List<String> out = new ArrayList<>(List.of(a));
        if (token != null) {
            out.addAll(List.of("-h", token));
        }
        return out;
    }

    private String run(String what, List<String> args, Optional<Secret> pin) {
        return checked(what, certutil.run(args, pin));
    }

    private String checked(String what, Certutil.Result r) {
        if (!r.ok()) {
            failOnAccessProblem(what, r);
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot " + what + " the NSS database " + db() + ": "
                    + reason(r));
        }
        return r.stdout();
    }

    /** Throws for a wrong PIN or a database that cannot be opened; returns for "not found". */
    private void failOnAccessProblem(String what, Certutil.Result r) {
        String err = r.stderr() + r.stdout();
        if (err.contains("SEC_ERROR_BAD_PASSWORD") || err.contains("Incorrect password")
                || err.contains("password file contains no data")) {
            throw new BrevetException(ErrorKind.UNAUTHORIZED, "wrong or missing PIN for the NSS database " + db()
                    + (token == null ? "" : " token \"" + token + "\"") + ": cannot " + what + " it");
        }
        if (err.contains("SEC_ERROR_BAD_DATABASE") || err.contains("SEC_ERROR_READ_ONLY")) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot " + what + " the NSS database " + db()
                    + " (missing, locked by another program, or damaged): " + reason(r));
        }
        if (err.contains("SEC_ERROR_NO_TOKEN") || err.contains("could not find the slot")
                || err.contains("Unable to find token")) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "token \"" + token + "\" not found in the NSS database "
                    + db() + ": " + reason(r));
        }
    }

    private static String reason(Certutil.Result r) {
        String text = (r.stderr() + " " + r.stdout()).replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "certutil exit status " + r.exitCode() : text;
    }

    private boolean databaseExists() {
        return Files.isRegularFile(directory.resolve("cert9.db")) && Files.isRegularFile(directory.resolve("key4.db"));
    }

    /** The database must exist, in sql: format, and be writable. */
    private void requireDatabase() {
        checkDirectory();
        if (!databaseExists()) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "no NSS database (cert9.db, key4.db) in " + directory);
        }
    }

    /** As {@link #requireDatabase}, but an empty existing directory gets a new database, as certmonger does. */
    private void ensureDatabase(Optional<Secret> pin) {
        checkDirectory();
        if (databaseExists()) {
            return;
        }
        List<String> a = new ArrayList<>(List.of("-N", "-d", db()));
        if (pin.isPresent() && !pin.get().isEmpty()) {
            a.addAll(List.of("-f", "/dev/stdin"));
        } else {
            a.add("--empty-password");
        }
        run("create", a, pin);
    }

    private void checkDirectory() {
        if (!Files.isDirectory(directory)) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "the NSS database directory " + directory
                    + " does not exist");
        }
        boolean legacy = Files.exists(directory.resolve("cert8.db")) || Files.exists(directory.resolve("key3.db"));
        if (legacy && !databaseExists()) {
            throw new BrevetException(ErrorKind.MALFORMED, "the NSS database in " + directory + " is in the legacy dbm "
                    + "format (cert8.db, key3.db); Brevet uses only the sql: format and does not convert databases "
                    + "behind the back of the programs that share them. Convert it yourself (certutil --upgrade-merge) "
                    + "when all of them support sql:.");
        }
        if (!Files.isWritable(directory)) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write to the NSS database directory " + directory,
                    new AccessDeniedException(directory.toString()));
        }
    }

    private static String subject(CsrContent content) {
        return content.subject().isEmpty() ? "CN=" : content.subject().rfc4514();
    }

    private static Csr parseCsr(String stdout) {
        Matcher m = PEM.matcher(stdout);
        if (!m.find()) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "certutil printed no certificate request");
        }
        return Csr.parse(m.group().replace("NEW CERTIFICATE REQUEST", "CERTIFICATE REQUEST"));
    }

    private static List<Certificate> certificatesIn(String text) {
        List<Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(Certificate.parse(m.group()));
        }
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A private (0700) temporary directory for certutil's input files, removed when closed. */
    private record Scratch(Path dir) implements AutoCloseable {
        static Scratch create() {
            try {
                return new Scratch(Files.createTempDirectory("brevet-nss"));
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot create a temporary directory", e);
            }
        }

        Path write(String name, byte[] bytes) {
            try {
                return Files.write(dir.resolve(name), bytes);
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "cannot write a temporary file", e);
            }
        }

        @Override
        public void close() {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover in the temporary directory holds no secret
            }
        }
    }
}
