package org.brevet.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.BrevetException;
import org.brevet.pki.Certificate;
import org.brevet.pki.CertificateBundle;
import org.brevet.protocol.cmc.CmcControl;
import org.brevet.protocol.cmc.CmcStatusInfo;
import org.brevet.protocol.cmc.FullPkiResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brevet cmc-response -i FILE [-o CHAIN] [-v]}: Dogtag's CMCResponse. Prints the certificates and
 * the controls of a CMC response the way seed 002 shows them ({@code Number of controls is N},
 * {@code Control #0: CMCStatusInfoV2}, {@code OID: {1 3 6 1 5 5 7 7 25}}, {@code BodyList: 1},
 * {@code Status: SUCCESS} or {@code OtherInfo type: FAIL} / {@code failInfo=...}); {@code -o} writes the
 * certificates as a PKCS#7 (PEM) chain, {@code -v} prints each certificate in PEM too.
 */
@Command(name = "cmc-response", description = {"Print a CMC response (Dogtag's CMCResponse).",
    "Reads the DER response HttpClient or http-client wrote; -o writes its certificates as a PKCS#7 chain."})
final class CmcResponseCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy h:mm:ss a z VV", Locale.US);
    private static final Map<String, String> NAMES = Map.of(
            "1.3.6.1.5.5.7.7.1", "CMCStatusInfo",
            "1.3.6.1.5.5.7.7.25", "CMCStatusInfoV2",
            "1.3.6.1.5.5.7.7.9", "CMC encrypted POP",
            "1.3.6.1.5.5.7.7.19", "CMC ResponseInfo",
            "1.3.6.1.5.5.7.7.5", "CMC TransactionId",
            "1.3.6.1.5.5.7.7.6", "CMC SenderNonce",
            "1.3.6.1.5.5.7.7.7", "CMC RecipientNonce",
            "1.3.6.1.5.5.7.7.4", "CMC DataReturn");

    private final Session session;

    @Option(names = "-i", paramLabel = "FILE", required = true, description = "The DER CMC response.")
    Path input;

    @Option(names = "-o", paramLabel = "FILE", description = "Write the certificates as a PKCS#7 chain (PEM).")
    Path output;

    @Option(names = "-v", description = "Also print each certificate in PEM.")
    boolean verbose;

    CmcResponseCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        FullPkiResponse response = FullPkiResponse.parse(LocalFiles.read(input, "CMC response"));
        StringBuilder out = new StringBuilder();
        out.append("Certificates:\n");
        for (Certificate c : response.certificates()) {
            certificate(out, c);
        }
        if (response.simple()) {
            out.append("Simple PKI Response: no controls\n");
        } else {
            out.append("Number of controls is ").append(response.controls().size()).append('\n');
            Iterator<CmcStatusInfo> statuses = response.statuses().iterator();
            int i = 0;
            for (CmcControl control : response.controls()) {
                control(out, i++, control, statuses);
            }
        }
        session.output().line(out.toString().stripTrailing());
        if (output != null) {
            if (response.certificates().isEmpty()) {
                throw new BrevetException(org.brevet.pki.ErrorKind.NOT_FOUND, "the response carries no certificate to write to " + output);
            }
            AtomicFiles.writePublic(output, CertificateBundle.toPkcs7Pem(response.certificates()).getBytes(StandardCharsets.US_ASCII));
        }
        return ExitCode.OK;
    }

    private void certificate(StringBuilder out, Certificate c) {
        out.append("    Certificate:\n        Data:\n            Version:  v3\n");
        out.append("            Serial Number: 0x").append(c.serial().toHex().toUpperCase(Locale.ROOT)).append('\n');
        out.append("            Signature Algorithm: ").append(c.signatureAlgorithmOid()).append('\n');
        out.append("            Issuer: ").append(c.issuer().rfc4514()).append('\n');
        out.append("            Validity:\n");
        out.append("                Not Before: ").append(WHEN.format(c.notBefore().atZone(ZoneId.systemDefault()))).append('\n');
        out.append("                Not  After: ").append(WHEN.format(c.notAfter().atZone(ZoneId.systemDefault()))).append('\n');
        out.append("            Subject: ").append(c.subject().rfc4514()).append('\n');
        if (verbose) {
            out.append(c.toPem());
        }
    }

    private static void control(StringBuilder out, int index, CmcControl control, Iterator<CmcStatusInfo> statuses) {
        String name = NAMES.getOrDefault(control.oid(), "control");
        out.append("Control #").append(index).append(": ").append(name).append('\n');
        out.append("   OID: {").append(control.oid().replace('.', ' ')).append("}\n");
        if ((name.equals("CMCStatusInfoV2") || name.equals("CMCStatusInfo")) && statuses.hasNext()) {
            CmcStatusInfo s = statuses.next();
            out.append("   BodyList: ");
            List<Long> ids = s.bodyList();
            for (int k = 0; k < ids.size(); k++) {
                out.append(k == 0 ? "" : " ").append(ids.get(k));
            }
            out.append('\n');
            if (s.failInfo().isPresent()) {
                out.append("   OtherInfo type: FAIL\n     failInfo=").append(s.failInfo().get().text()).append('\n');
                s.statusString().ifPresent(t -> out.append("     statusString=").append(t).append('\n'));
            } else if (s.pendingInfo().isPresent()) {
                out.append("   OtherInfo type: PENDING\n");
            } else {
                out.append("   Status: ").append(s.status().name()).append('\n');
            }
        }
    }
}
