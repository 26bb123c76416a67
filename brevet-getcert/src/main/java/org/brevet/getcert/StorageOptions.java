package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.tracker.api.Storage;
import picocli.CommandLine.Option;

/**
 * STORAGE, PIN, PERMS and CASAVE/HOOKS option groups (reference §1.1). A {@code -f} file ending in
 * {@code .p12} or {@code .pfx} without {@code -k} selects PKCS#12 storage (key and certificate in one file).
 */
final class StorageOptions {
    /** The token certmonger records when {@code -t} is not given: NSS's internal key and certificate store. */
    static final String INTERNAL_TOKEN = "NSS Certificate DB";

    @Option(names = {"-d", "--dbdir"}, paramLabel = "DIRECTORY", description = "NSS database directory (sql: format) for key and certificate.")
    String dbdir;

    @Option(names = {"-n", "--nickname"}, paramLabel = "NAME", description = "Nickname of the key and certificate in the NSS database.")
    String nickname;

    @Option(names = {"-t", "--token"}, paramLabel = "NAME", description = "PKCS#11 token inside the NSS database.")
    String token;

    @Option(names = {"-k", "--keyfile"}, paramLabel = "FILENAME", description = "PEM private key file.")
    String keyFile;

    @Option(names = {"-f", "--certfile"}, paramLabel = "FILENAME", description = "PEM certificate file, or a .p12/.pfx PKCS#12 file.")
    String certFile;

    @Option(names = {"-p", "--pinfile"}, paramLabel = "FILENAME", description = "File holding the key's PIN.")
    String pinFile;

    @Option(names = {"-P", "--pin"}, paramLabel = "PIN",
            description = "The key's PIN (kept only in the daemon's memory; prefer -p).")
    String pin;

    @Option(names = {"-o", "--key-owner"}, paramLabel = "USER[:GROUP]", description = "Owner of the key file.")
    String keyOwner;

    @Option(names = {"-m", "--key-perms"}, paramLabel = "MODE", description = "Octal mode of the key file.")
    String keyPerms;

    @Option(names = {"-O", "--cert-owner"}, paramLabel = "USER[:GROUP]", description = "Owner of the certificate file.")
    String certOwner;

    @Option(names = {"-M", "--cert-perms"}, paramLabel = "MODE", description = "Octal mode of the certificate file.")
    String certPerms;

    @Option(names = {"-Z", "--nss-user"}, paramLabel = "USER[:GROUP]", description = "Ignored (NSS only).")
    String nssUser;

    @Option(names = {"-a", "--ca-dbdir"}, paramLabel = "DIRECTORY", description = "NSS database for the CA certificates (not supported yet).")
    String caDbdir;

    @Option(names = {"-F", "--ca-file"}, paramLabel = "FILENAME", description = "PEM file where the CA's root certificates are saved.")
    String caFile;

    @Option(names = {"-B", "--before-command"}, paramLabel = "COMMAND", description = "Command run before saving the certificate.")
    String preSave;

    @Option(names = {"-C", "--after-command"}, paramLabel = "COMMAND", description = "Command run after saving the certificate.")
    String postSave;

    boolean isPkcs12() {
        String f = certFile == null ? "" : certFile.toLowerCase(Locale.ROOT);
        return keyFile == null && (f.endsWith(".p12") || f.endsWith(".pfx"));
    }

    boolean isNss() {
        return dbdir != null;
    }

    /** {@code -a} is not supported; {@code -d} needs {@code -n} and excludes {@code -k}/{@code -f}. */
    void checkNss() {
        if (caDbdir != null) {
            throw new BrevetException(ErrorKind.MALFORMED, "Saving CA certificates to an NSS database (-a) is not supported yet; use -F.");
        }
        if (dbdir == null && (nickname != null || token != null)) {
            throw new BrevetException(ErrorKind.MALFORMED, "Database location or nickname specified without the other.");
        }
        if (dbdir != null && nickname == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "Database location or nickname specified without the other.");
        }
        if (dbdir != null && (keyFile != null || certFile != null)) {
            throw new BrevetException(ErrorKind.MALFORMED, "Use either an NSS database (-d, -n) or files (-k, -f), not both.");
        }
    }

    /** Key storage for a new request; certificate storage is {@link #certStorage}. */
    Storage keyStorage(PrintWriter err) {
        if (isNss()) {
            return nssStorage(err);
        }
        if (isPkcs12()) {
            return Storage.pkcs12(Paths.writableFile(certFile, err));
        }
        return keyFile == null ? Storage.none() : Storage.file(Paths.writableFile(keyFile, err));
    }

    Storage certStorage(PrintWriter err) {
        if (isNss()) {
            return nssStorage(err);
        }
        if (certFile == null) {
            return null;
        }
        String abs = Paths.writableFile(certFile, err);
        return isPkcs12() ? Storage.pkcs12(abs) : Storage.file(abs);
    }

    private Storage nssStorage(PrintWriter err) {
        return Storage.nssdb(Paths.nssDatabase(dbdir, err), nickname, token == null ? INTERNAL_TOKEN : token);
    }

    List<String> caFiles(PrintWriter err) {
        List<String> files = new ArrayList<>();
        if (caFile != null) {
            files.add(Paths.writableFile(caFile, err));
        }
        return files;
    }

    String pinFile(PrintWriter err) {
        return Paths.absolute(pinFile, err);
    }

    static String mode(String octal, String option) {
        if (octal == null) {
            return null;
        }
        if (!octal.matches("0?[0-7]{3,4}")) {
            throw new BrevetException(ErrorKind.MALFORMED, "Invalid mode \"" + octal + "\" for " + option + ": expected an octal mode such as 0640.");
        }
        return octal;
    }
}
