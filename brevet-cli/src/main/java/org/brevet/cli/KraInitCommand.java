package org.brevet.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;
import org.brevet.server.InstanceLayout;
import org.brevet.server.KraInstaller;
import picocli.CommandLine.Command;

/**
 * {@code brevet kra init --instance DIR}: adds the KRA's transport and storage keys and certificates to a local
 * instance that has none (the server must be stopped). Refuses with one line when they exist.
 */
@Command(name = "init", description = {"Add the KRA keys (transportCert, storageCert) to a local instance.",
    "For instances created before the KRA; 'brevet ca init' creates them already. Stop the server first."})
final class KraInitCommand implements Callable<Integer> {
    private final Session session;

    KraInitCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (session.options().instance == null) {
            throw new BrevetException(ErrorKind.MALFORMED, "kra init needs --instance DIR");
        }
        String subject = new KraInstaller(Clock.systemUTC(), new SecureRandom())
                .addTo(InstanceLayout.of(session.options().instance));
        session.output().line("KRA keys added to " + session.options().instance + " (transport certificate " + subject + ")");
        return ExitCode.OK;
    }
}
