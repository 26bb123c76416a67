package org.brevet.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.Crl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code brevet crl}: generate the CRL now (agents) and download the latest one. */
@Command(name = "crl", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate and download CRLs (issuing point MasterCRL).")
final class CrlCommand implements Runnable {
    static final String MASTER_CRL = "MasterCRL";

    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    private final Session session;

    @Spec
    CommandSpec spec;

    CrlCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    @Command(name = "update", description = "Generate a full CRL now (and a delta CRL when enabled); agents only. "
            + "Any node of a cluster takes it; one that is not the CRL master hands it to the master.")
    int update(@Option(names = "--wait", description = "Return once the new CRL is stored, and print it.")
            boolean wait) {
        if (!wait) {
            session.client().requestCrlUpdate(MASTER_CRL);
            Output out = session.output();
            Map<String, String> f = new LinkedHashMap<>();
            f.put("Issuing point", MASTER_CRL);
            f.put("Status", "requested");
            if (out.isJson()) {
                out.json(f);
            } else {
                out.fields(f);
            }
            return ExitCode.OK;
        }
        CrlView crl = session.client().updateCrl(MASTER_CRL);
        Output out = session.output();
        if (out.isJson()) {
            out.json(crl);
        } else {
            out.fields(fields(crl.issuingPoint(), crl.number(), crl.thisUpdate(), crl.nextUpdate(),
                    crl.entries() == null ? null : crl.entries().toString()));
        }
        return ExitCode.OK;
    }

    @Command(name = "fetch", description = "Download the latest CRL, check that it is one, and save it.")
    int fetch(@Option(names = "--delta", description = "The delta CRL instead of the full one.") boolean delta,
            @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to save the CRL.") Path file,
            @Option(names = "--pem", description = "Save PEM instead of DER.") boolean pem) {
        Crl crl = Crl.parse(session.client().crlPem(MASTER_CRL, delta));
        if (pem) {
            AtomicFiles.writeString(file, crl.toPem(), AtomicFiles.PUBLIC);
        } else {
            AtomicFiles.writePublic(file, crl.toDer().bytes());
        }
        Output out = session.output();
        Map<String, String> fields = fields(MASTER_CRL + (delta ? " (delta)" : ""),
                crl.crlNumber().map(Object::toString).orElse(null), crl.thisUpdate().toString(),
                crl.nextUpdate().map(Object::toString).orElse(null), String.valueOf(crl.entries().size()));
        fields.put("Saved to", file.toString());
        if (out.isJson()) {
            out.json(fields);
        } else {
            out.fields(fields);
        }
        return ExitCode.OK;
    }

    private static Map<String, String> fields(String point, String number, String thisUpdate, String nextUpdate, String entries) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Issuing point", point);
        f.put("CRL number", number);
        f.put("This update", thisUpdate);
        f.put("Next update", nextUpdate);
        f.put("Entries", entries);
        return f;
    }
}
