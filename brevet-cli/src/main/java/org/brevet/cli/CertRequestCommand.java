package org.brevet.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.Csr;
import org.brevet.pki.ErrorKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brevet cert request}: submits a CSR (given, or made here with a new key) to a profile, prints
 * the request id and status, optionally waits for an agent, and saves the certificate once issued.
 */
@Command(name = "request", sortOptions = false,
        description = {"Submit a certificate request to a profile.",
            "With a client credential of an agent the CA usually issues at once; anonymous requests wait for"
                    + " an agent (see --wait). The request id is printed either way."})
final class CertRequestCommand implements Callable<Integer> {
    static final long MAX_WAIT_SECONDS = 86_400;

    private final Session session;

    @Option(names = "--profile", paramLabel = "ID", required = true, order = 1,
            description = "Enrollment profile, e.g. caServerCert (see 'brevet profile list').")
    String profile;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 2)
    Source source;

    @Option(names = "--out", paramLabel = "FILE", order = 20,
            description = "Write the issued certificate (PEM) to FILE; without it the PEM is printed.")
    Path out;

    @Option(names = "--wait", paramLabel = "SECONDS", order = 21,
            description = "Wait up to SECONDS for an agent's decision (exit 4 if still pending).")
    Long waitSeconds;

    static final class Source {
        @Option(names = "--csr", paramLabel = "FILE", required = true, order = 3,
                description = "An existing PKCS#10 request (PEM or DER), e.g. from 'openssl req'.")
        Path csr;

        @ArgGroup(exclusive = false, order = 4, heading = "%nOr a new key and CSR made here:%n")
        NewKey newKey;
    }

    static final class NewKey {
        @Option(names = "--subject", paramLabel = "DN", required = true, order = 5,
                description = "Subject DN, e.g. \"CN=www.example.com,O=EXAMPLE\".")
        String subject;

        @Option(names = "--dns", paramLabel = "NAME", order = 6, description = "DNS subjectAltName (repeatable).")
        List<String> dns = new ArrayList<>();

        @Option(names = "--ip", paramLabel = "ADDR", order = 7, description = "IP subjectAltName (repeatable).")
        List<String> ips = new ArrayList<>();

        @Option(names = "--key", paramLabel = "SPEC", defaultValue = "rsa:2048", order = 8,
                description = "rsa:2048, rsa:3072, rsa:4096, ec:p256 or ec:p384 (default: ${DEFAULT-VALUE}).")
        String keySpec;

        @Option(names = "--key-out", paramLabel = "FILE", required = true, order = 9,
                description = "Where to write the new private key (PKCS#8 PEM, mode 0600; must not exist).")
        Path keyOut;
    }

    CertRequestCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS)) {
            throw new BrevetException(ErrorKind.MALFORMED, "--wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        String csrPem = csr().toPem();
        CaClient client = session.client();
        CertRequestInfo request = client.submit(profile, csrPem);
        if (request.isPending() && waitSeconds != null) {
            request = new RequestPoller(client, session.clock(), session.pause())
                    .await(request, Duration.ofSeconds(waitSeconds));
        }
        Output output = session.output();
        if (output.isJson()) {
            output.json(request);
        } else {
            output.fields(Views.request(request));
        }
        if (request.isComplete()) {
            saveCertificate(request, output);
            return ExitCode.OK;
        }
        if (request.isPending()) {
            if (waitSeconds == null) {
                return ExitCode.OK;
            }
            throw new RequestNotCompleteException(request, "request " + request.requestId()
                    + " is still pending after " + waitSeconds + " s; an agent must approve it");
        }
        throw new RequestNotCompleteException(request, "request " + request.requestId() + " was " + request.status()
                + (request.reason() == null ? "" : ": " + request.reason()));
    }

    private Csr csr() {
        if (source.csr != null) {
            byte[] bytes = LocalFiles.read(source.csr, "CSR file");
            try {
                return Csr.parse(bytes);
            } catch (BrevetException e) {
                throw new BrevetException(e.kind(), source.csr + ": " + e.detail(), e);
            }
        }
        NewKey k = source.newKey;
        return NewKeyCsr.of(k.subject, k.dns, k.ips, k.keySpec, k.keyOut).create(session.random());
    }

    private void saveCertificate(CertRequestInfo request, Output output) {
        if (request.certificate() == null) {
            throw new ServerErrorException(502, "", "request " + request.requestId() + " is complete but the server sent no certificate");
        }
        Certificate cert = Certificate.parse(request.certificate());
        if (out != null) {
            AtomicFiles.writeString(out, cert.toPem(), AtomicFiles.PUBLIC);
        } else if (!output.isJson()) {
            output.line(cert.toPem().stripTrailing());
        }
    }
}
