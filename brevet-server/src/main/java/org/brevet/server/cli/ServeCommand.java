package org.brevet.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.brevet.server.BrevetServer;
import org.brevet.server.InstanceLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brevet serve}: runs a CA instance until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a CA instance until Ctrl-C or SIGTERM.",
            "HTTPS (TLS 1.2/1.3, client certificates wanted) on server.https.port for everything, plain HTTP on",
            "server.http.port for what is public by nature (CA certificate, health)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:stopped by a signal", "1:could not start (port in use)",
            "2:no instance, or bad configuration or key token", "3:database unreachable",
            "5:internal error (see the log)"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, paramLabel = "DIR", description = "the instance directory")
    Path instance;

    private final Clock clock;
    private final SecureRandom random;

    public ServeCommand() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    ServeCommand(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Integer call() {
        return ExitCodes.run(spec.commandLine().getErr(), () -> {
            BrevetServer server = BrevetServer.start(InstanceLayout.of(instance), clock, random);
            announce(spec.commandLine().getOut(), server);
            return serveUntilSignal(server);
        });
    }

    static void announce(PrintWriter out, BrevetServer server) {
        out.println("Brevet CA serving " + server.httpsUrl() + " (HTTPS) and " + server.httpUrl() + " (HTTP)");
        out.flush();
    }

    /** Blocks until a shutdown signal has stopped the server. */
    static int serveUntilSignal(BrevetServer server) throws InterruptedException {
        Thread hook = new Thread(server::close, "brevet-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitStop();
        return ExitCodes.OK;
    }
}
