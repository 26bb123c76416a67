package org.brevet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.brevet.pki.AtomicFiles;
import org.brevet.pki.Certificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;

/** {@code brevet ca-cert}: the CA's certificate chain (PEM), e.g. to use as {@code --ca-cert} elsewhere. */
@Command(name = "ca-cert", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fetch the CA certificate chain (PEM), CA certificate first.")
final class CaCertCommand implements Callable<Integer> {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    private final Session session;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the chain to FILE instead of printing it.")
    Path out;

    CaCertCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Certificate> chain = Certificate.parseAll(session.client().caCertificates());
        if (chain.isEmpty()) {
            throw new ServerErrorException(502, "", "the server sent no CA certificate");
        }
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(c.toPem()));
        if (out == null) {
            session.output().line(pem.toString().stripTrailing());
        } else {
            AtomicFiles.writeString(out, pem.toString(), AtomicFiles.PUBLIC);
        }
        return ExitCode.OK;
    }
}
