package org.brevet.getcert;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The ENROLL and CSR TEMPLATE option groups (reference §1.1). */
final class TemplateOptions {
    @Option(names = {"-c", "--ca"}, paramLabel = "NAME", description = "CA configuration to use (see list-cas).")
    String ca;

    @Option(names = {"-T", "--profile"}, paramLabel = "NAME", description = "Profile or template to ask the CA for.")
    String profile;

    @Option(names = "--ms-template-spec", paramLabel = "SPEC", description = "MS V2 certificate template (not supported yet).")
    String msTemplateSpec;

    @Option(names = {"-X", "--issuer"}, paramLabel = "NAME", description = "Named issuer at the CA.")
    String issuer;

    @Option(names = {"-N", "--subject-name"}, paramLabel = "SUBJECT", description = "Subject name (default CN=<hostname>).")
    String subject;

    @Option(names = {"-u", "--key-usage"}, paramLabel = "NAME", description = "keyUsage name (repeatable).")
    List<String> keyUsage = new ArrayList<>();

    @Option(names = {"-U", "--extended-key-usage"}, paramLabel = "OID", description = "Extended key usage OID or name (repeatable).")
    List<String> eku = new ArrayList<>();

    @Option(names = {"-K", "--principal"}, paramLabel = "PRINCIPAL", description = "Kerberos principal name (repeatable).")
    List<String> principal = new ArrayList<>();

    @Option(names = {"-D", "--dns"}, paramLabel = "HOSTNAME", description = "DNS name (repeatable).")
    List<String> dns = new ArrayList<>();

    @Option(names = {"-E", "--email"}, paramLabel = "ADDRESS", description = "Email address (repeatable).")
    List<String> email = new ArrayList<>();

    @Option(names = {"-A", "--ip-address"}, paramLabel = "ADDRESS", description = "IP address (repeatable).")
    List<String> ip = new ArrayList<>();

    @Option(names = {"-l", "--challenge-password-file"}, paramLabel = "FILE", description = "Challenge password file (SCEP; not supported yet).")
    String challengePasswordFile;

    @Option(names = {"-L", "--challenge-password"}, paramLabel = "STRING", description = "Challenge password (SCEP; not supported yet).")
    String challengePassword;

    @Option(names = "--for-ca", description = "Request a CA certificate.")
    boolean forCa;

    @Option(names = "--not-for-ca", description = "Request a non-CA certificate (default).")
    boolean notForCa;

    @Option(names = "--ca-path-length", paramLabel = "LENGTH", description = "Path length for a CA certificate.")
    Integer caPathLength;

    Boolean forCaFlag() {
        return forCa ? Boolean.TRUE : notForCa ? Boolean.FALSE : null;
    }
}
