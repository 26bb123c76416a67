package org.brevet.tracker.keystore;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final NssDirectory directory;
    private final String nickname;
    private final String token;
    private final Certutil certutil;
    private final PemFiles.Modes modes;
    private final SecureRandom random;

    /** {@code location} as getcert stores it ({@code sql:/dir}, {@code dbm:/dir} or {@code /dir}); {@code token} may be null. */
    public NssDatabase(String location, String nickname, String token, Certutil certutil, PemFiles.Modes modes,
            SecureRandom random) {
        this.directory = new NssDirectory(Path.of(org.brevet.tracker.api.Storage.nssDirectory(location)));
        if (!location.equals(directory.path().toString()) && !location.startsWith("sql:")) {
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
        return directory.sqlLocation();
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
        if (!directory.hasDatabase()) {
            return false;
        }
        Map<String, String> keys = keys(pin);
        if (keys.values().stream().anyMatch(label -> label.equals(nickname) || label.endsWith(":" + nickname))) {
            return true;
        }
        return readCertificate(pin).map(c -> keys.containsKey(NssKeyId.of(c.publicKey()))).orElse(false);
    }

    @Override
    public Optional<Certificate> readCertificate(Optional<Secret> pin) {
        if (!directory.hasDatabase()) {
            return Optional.empty();
        }
        Certutil.Result r = certutil.run(args("-L", "-d", db(), "-n", qualifiedNickname(), "-a", "-f", "/dev/stdin"),
                token == null ? Optional.empty() : pin);
        if (!r.ok()) {
            CertutilOutput.failOnAccessProblem("read", r, db(), token);
            return Optional.empty();
        }
        return CertutilOutput.certificates(r.stdout()).stream().max(Comparator.comparing(Certificate::notAfter));
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
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            Path noise = scratch.write("noise", randomBytes(2048));
            a.addAll(List.of("-s", subject(content), "-z", noise.toString(), "-a", "-f", "/dev/stdin"));
            Csr csr = CertutilOutput.request(run("generate a key in", a, pin));
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
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
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
            Csr csr = CertutilOutput.request(run("make a request with the key in", a, pin));
            if (!Arrays.equals(csr.publicKey().getEncoded(), key.getEncoded())) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "certutil signed the request with another key than "
                        + "the one expected in " + db());
            }
            return csr;
        }
    }

    /**
     * SelfSign inside the database: {@code certutil -C -x} signs the CSR with its own key and copies its
     * extensions. certutil counts validity in months: {@code validity} is rounded to whole months (at least
     * one), starting now.
     */
    @Override
    public Optional<Certificate> selfSign(Csr csr, Duration validity, Optional<Secret> pin) {
        requireDatabase();
        if (!keyIds(pin).contains(NssKeyId.of(csr.publicKey()))) {
            throw new BrevetException(ErrorKind.NOT_FOUND, "the request's key is not in the NSS database " + db());
        }
        long months = Math.max(1, Math.round(validity.toDays() / 30.4375));
        long serial = new BigInteger(31, random).longValue() + 1; // certutil -m takes at most 32 bits
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            Path in = scratch.write("request.der", csr.toDer().bytes());
            Path out = scratch.dir().resolve("certificate.der");
            run("self-sign with the key in", args("-C", "-x", "-d", db(), "-i", in.toString(), "-o", out.toString(),
                    "-m", Long.toString(serial), "-v", Long.toString(months), "-Z", "SHA256", "-f", "/dev/stdin"), pin);
            try {
                return Optional.of(Certificate.parse(Files.readAllBytes(out)));
            } catch (IOException e) {
                throw new BrevetException(ErrorKind.UNAVAILABLE, "certutil wrote no certificate", e);
            }
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
        if (!keyIds(pin).contains(NssKeyId.of(key))) {
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
            try (ScratchDirectory scratch = ScratchDirectory.create()) {
                Path file = scratch.write("cert.pem", certificate.toPem().getBytes(StandardCharsets.US_ASCII));
                run("add the certificate to", args("-A", "-d", db(), "-n", nickname, "-t", ",,", "-a", "-i",
                        file.toString(), "-f", "/dev/stdin"), pin);
            }
        }
        if (swapNextKey) {
            removeReplacedKeys(certificate, old, pin);
        }
        directory.applyModes(modes);
    }

    /**
     * NSS keeps a copy of a token's certificate in the database itself (with its trust, under the same
     * nickname); deleting it from the token leaves that copy, which would still be found by the nickname.
     */
    private void removeInternalCopies(Certificate keep, Optional<Secret> pin) {
        for (int i = 0; i < 16; i++) {
            Certutil.Result r = certutil.run(List.of("-L", "-d", db(), "-n", nickname, "-a"), Optional.empty());
            List<Certificate> copies = r.ok() ? CertutilOutput.certificates(r.stdout()) : List.of();
            if (copies.isEmpty() || copies.stream().anyMatch(c -> c.toDer().equals(keep.toDer()))) {
                return;
            }
            run("remove the previous certificate's copy from", List.of("-D", "-d", db(), "-n", nickname), pin);
        }
    }

    /** After a rekey: the old certificates' keys are deleted (certmonger's default, key_preserve=0). */
    private void removeReplacedKeys(Certificate certificate, List<Certificate> old, Optional<Secret> pin) {
        String keep = NssKeyId.of(certificate.publicKey());
        Set<String> present = keyIds(pin);
        for (Certificate c : old) {
            String id = NssKeyId.of(c.publicKey());
            if (!id.equals(keep) && present.remove(id)) {
                run("remove the replaced key from", args("-F", "-d", db(), "-k", id, "-f", "/dev/stdin"), pin);
            }
        }
    }

    private List<Certificate> allCertificates(Optional<Secret> pin) {
        Certutil.Result r = certutil.run(args("-L", "-d", db(), "-n", qualifiedNickname(), "-a", "-f", "/dev/stdin"),
                token == null ? Optional.empty() : pin);
        return r.ok() ? CertutilOutput.certificates(r.stdout()) : List.of();
    }

    /**
     * {@code -k} for certutil: the nickname for the certified key in the database itself, else NSS's key id
     * (always on a token: finding a key through a token's certificate needs a second login).
     */
    private String keyReference(Optional<Secret> pin, boolean next, PublicKey key) {
        if (token == null && !next && readCertificate(pin).filter(c -> c.publicKey().equals(key)).isPresent()) {
            return qualifiedNickname();
        }
        return NssKeyId.of(key);
    }

    /** The ids of the private keys in the database (or token), as {@code certutil -K} prints them. */
    Set<String> keyIds(Optional<Secret> pin) {
        return new HashSet<>(keys(pin).keySet());
    }

    /** Key id to label ({@code NSS Certificate DB:NICK}, or {@code (orphan)} for a key without certificate). */
    private Map<String, String> keys(Optional<Secret> pin) {
        Certutil.Result r = certutil.run(args("-K", "-d", db(), "-f", "/dev/stdin"), pin);
        if (CertutilOutput.saysNoKeys(r)) {
            return Map.of();
        }
        return CertutilOutput.keys(CertutilOutput.checked("list the keys of", r, db(), token));
    }

    private List<String> args(String... a) {
        List<String> out = new ArrayList<>(List.of(a));
        if (token != null) {
            out.addAll(List.of("-h", token));
        }
        return out;
    }

    private String run(String what, List<String> args, Optional<Secret> pin) {
        return CertutilOutput.checked(what, certutil.run(args, pin), db(), token);
    }

    /** The database must exist, in sql: format, and be writable. */
    private void requireDatabase() {
        directory.check();
        if (!directory.hasDatabase()) {
            throw new BrevetException(ErrorKind.UNAVAILABLE, "no NSS database (cert9.db, key4.db) in " + directory.path());
        }
    }

    /** As {@link #requireDatabase}, but an empty existing directory gets a new database, as certmonger does. */
    private void ensureDatabase(Optional<Secret> pin) {
        directory.check();
        if (directory.hasDatabase()) {
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

    private static String subject(CsrContent content) {
        return content.subject().isEmpty() ? "CN=" : content.subject().rfc4514();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
