package org.brevet.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every client command accepts, before or after the subcommand ({@code brevet --instance DIR
 * cert find} and {@code brevet cert find --instance DIR}). There is one instance per run: {@code brevet}
 * carries local copies of these options (see {@link Brevet#commandLine}) and each client group mixes them
 * in with {@code INHERIT} scope, and every copy is bound to this object, whichever command parsed it.
 */
final class GlobalOptions {
    static final URI DEFAULT_URL = URI.create("https://localhost:8443");

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT, order = 101,
            description = "Base URL of the CA's HTTPS port (default: https://localhost:8443, or the"
                    + " instance's HTTPS port with --instance).")
    URI url;

    @Option(names = "--p12", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 102,
            description = "PKCS#12 file with the client certificate and key (agent or administrator).")
    Path p12;

    @Option(names = "--p12-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 103,
            description = "File holding the PKCS#12 password (first line).")
    Path p12PasswordFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 104,
            description = "PEM file of the CA certificate(s) that must have issued the server's certificate"
                    + " (default: the JDK's trusted roots).")
    Path caCert;

    @Option(names = "--instance", paramLabel = "DIR", scope = ScopeType.INHERIT, order = 105,
            description = "A local CA instance: takes the URL, the administrator's PKCS#12 and the CA"
                    + " certificate from it (explicit options win).")
    Path instance;

    @Option(names = "--client-cert", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 106,
            description = "PEM client certificate (e.g. the host's own, kept by the tracker); with --client-key, instead of --p12.")
    Path cert;

    @Option(names = "--client-key", paramLabel = "FILE", scope = ScopeType.INHERIT, order = 107,
            description = "Unencrypted PEM private key of --client-cert.")
    Path key;

    /**
     * No picocli default value on purpose: the options are bound from several commands to this one object,
     * and picocli applies defaults per matched command, which would reset a value given before the
     * subcommand. {@link #format()} supplies the default.
     */
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, order = 108,
            description = "Output of list and show commands: ${COMPLETION-CANDIDATES} (default: text).")
    OutputFormat output;

    OutputFormat format() {
        return output == null ? OutputFormat.text : output;
    }

    /** The connection these options describe, with the instance's values filling what was not given. */
    ConnectionSettings connection() {
        Optional<InstanceDirectory> inst = Optional.ofNullable(instance).map(InstanceDirectory::new);
        URI base = Optional.ofNullable(url).orElseGet(() -> inst.map(InstanceDirectory::httpsUrl).orElse(DEFAULT_URL));
        if ((cert == null) != (key == null)) {
            throw new BrevetException(ErrorKind.MALFORMED, cert == null ? "--client-key needs --client-cert" : "--client-cert needs --client-key");
        }
        Optional<ConnectionSettings.PemCredential> pem = Optional.ofNullable(cert).map(c -> new ConnectionSettings.PemCredential(c, key));
        boolean instanceCredential = p12 == null && pem.isEmpty();
        Optional<Path> cred = Optional.ofNullable(p12).or(() -> instanceCredential ? inst.map(InstanceDirectory::adminPkcs12) : Optional.empty());
        Optional<Path> pass = Optional.ofNullable(p12PasswordFile)
                .or(() -> instanceCredential ? inst.map(InstanceDirectory::adminPasswordFile) : Optional.empty());
        Optional<Path> trust = Optional.ofNullable(caCert).or(() -> inst.map(InstanceDirectory::caCertificate));
        return new ConnectionSettings(base, cred, pass, trust, pem);
    }
}
