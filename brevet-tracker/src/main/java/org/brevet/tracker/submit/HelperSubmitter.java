package org.brevet.tracker.submit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.pki.SubjectAltName;
import org.brevet.tracker.exec.ChildProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external CA reached through a helper speaking certmonger's protocol (reference §4): SUBMIT, or POLL
 * with the cookie, and the exit codes 0–6, 16, 17 with their stdout conventions. A helper that is missing
 * or not executable makes the CA unconfigured, with the reason shown in {@code ca-error}.
 */
public final class HelperSubmitter implements Submitter {
    private static final Logger LOG = LoggerFactory.getLogger(HelperSubmitter.class);

    private final HelperCommand helper;

    public HelperSubmitter(HelperCommand helper) {
        this.helper = helper;
    }

    @Override
    public SubmitOutcome submit(SubmitRequest r) {
        String op = r.cookie().isPresent() ? "POLL" : "SUBMIT";
        LOG.debug("Running enrollment helper \"{}\" ({}).", helper.commandLine(), op);
        ChildProcess.Result res = helper.run(op, r.caNickname(), variables(r));
        if (!res.started()) {
            return new SubmitOutcome.Unconfigured("Error running enrollment helper \"" + helper.commandLine() + "\": "
                    + res.startFailure() + ".");
        }
        if (!res.stderr().isBlank()) {
            LOG.info("CA {} helper said on stderr: {}", r.caNickname(), res.stderr().strip());
        }
        if (res.timedOut()) {
            return new SubmitOutcome.Unreachable("enrollment helper \"" + helper.commandLine() + "\" timed out");
        }
        return interpret(res.exitCode(), res.stdoutBytes());
    }

    static SubmitOutcome interpret(int exit, String stdout) {
        return interpret(exit, stdout.getBytes(StandardCharsets.UTF_8));
    }

    /** certmonger's exit-code table (reference §4.3). */
    static SubmitOutcome interpret(int exit, byte[] stdoutBytes) {
        String text = new String(stdoutBytes, StandardCharsets.UTF_8).strip();
        switch (exit) {
            case 0:
                return issued(stdoutBytes);
            case 1:
                return new SubmitOutcome.Wait(text, Optional.empty());
            case 2:
                return new SubmitOutcome.Rejected(text.isEmpty() ? "rejected by the CA (no reason given)" : text);
            case 3:
                return new SubmitOutcome.Unreachable(text.isEmpty() ? "the CA could not be reached" : text);
            case 4:
                return new SubmitOutcome.Unconfigured(text.isEmpty() ? "the CA helper is missing configuration" : text);
            case 5:
                return waitWithDelay(text);
            case 6:
                return new SubmitOutcome.NeedsGuidance("the CA helper does not support this operation");
            case 16:
                return new SubmitOutcome.NeedsScepData();
            case 17:
                return new SubmitOutcome.NeedsRekey(text.isEmpty() ? "the CA asked for a new key" : text);
            default:
                return new SubmitOutcome.NeedsGuidance(text.isEmpty() ? "the CA helper exited with status " + exit : text);
        }
    }

    /**
     * What certmonger accepts (reference §4.2): PEM certificates (leaf first), a certs-only PKCS#7 as PEM or
     * DER, or a DER certificate. The issued certificate is the one that issued none of the others (a PKCS#7
     * need not hold the leaf first); the rest become the chain.
     */
    private static SubmitOutcome issued(byte[] stdout) {
        if (new String(stdout, StandardCharsets.UTF_8).isBlank()) {
            return new SubmitOutcome.NeedsGuidance("the CA helper reported success but printed no certificate");
        }
        try {
            List<Certificate> certs = new ArrayList<>(CertificateBundle.parse(stdout));
            Certificate leaf = certs.stream()
                    .filter(c -> certs.stream().noneMatch(other -> other != c && other.issuer().equals(c.subject())))
                    .findFirst().orElse(certs.get(0));
            certs.remove(leaf);
            return new SubmitOutcome.Issued(leaf.toPem(), certs.stream().map(Certificate::toPem).toList());
        } catch (BrevetException e) {
            return new SubmitOutcome.NeedsGuidance("the CA helper printed something that is not a certificate: " + e.detail());
        }
    }

    private static SubmitOutcome waitWithDelay(String text) {
        String[] lines = text.split("\n", 2);
        try {
            long seconds = Long.parseLong(lines[0].trim());
            if (seconds < 0) {
                throw new NumberFormatException("negative");
            }
            return new SubmitOutcome.Wait(lines.length > 1 ? lines[1].strip() : "", Optional.of(Duration.ofSeconds(seconds)));
        } catch (NumberFormatException e) {
            return new SubmitOutcome.NeedsGuidance("the CA helper exited with 5 but did not print a delay: " + lines[0]);
        }
    }

    private static Map<String, String> variables(SubmitRequest r) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("CERTMONGER_CSR", r.csr().toPem());
        v.put("CERTMONGER_SPKI", Base64.getEncoder().encodeToString(r.csr().publicKeyDer().bytes()));
        v.put("CERTMONGER_SPKAC", r.keyPair().map(Spkac::sign).orElse(null));
        v.put("CERTMONGER_KEY_TYPE", r.csr().keySpec().algorithm().name());
        v.put("CERTMONGER_REQ_SUBJECT", r.csr().subject().rfc4514());
        v.put("CERTMONGER_REQ_HOSTNAME", sans(r, SubjectAltName.Kind.DNS));
        v.put("CERTMONGER_REQ_EMAIL", sans(r, SubjectAltName.Kind.EMAIL));
        v.put("CERTMONGER_REQ_PRINCIPAL", String.join(",", r.template().principal()));
        v.put("CERTMONGER_REQ_IP_ADDRESS", sans(r, SubjectAltName.Kind.IP));
        v.put("CERTMONGER_CA_PROFILE", r.template().profile());
        v.put("CERTMONGER_CA_ISSUER", r.template().issuer());
        v.put("CERTMONGER_CERTIFICATE", r.currentCertificatePem().orElse(null));
        v.put("CERTMONGER_CA_COOKIE", r.cookie().orElse(null));
        return v;
    }

    private static String sans(SubmitRequest r, SubjectAltName.Kind kind) {
        return String.join(",", r.csr().subjectAltNames().stream().filter(s -> s.kind() == kind)
                .map(SubjectAltName::value).toList());
    }
}
