package org.brevet.getcert;

import java.io.PrintWriter;
import java.util.Optional;
import org.brevet.pki.BrevetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code getcert}: certmonger's command line for the Brevet tracker, with certmonger's commands, option
 * letters, messages and exit codes. The wrappers {@code selfsign-getcert} and {@code local-getcert} are
 * this program started with {@code -Dbrevet.getcert.ca=SelfSign} or {@code local}: their CA is forced and
 * the CA-management commands are absent.
 */
@Command(name = "getcert", mixinStandardHelpOptions = true, version = "getcert (Brevet) 0.1",
        description = "Manage certificates tracked by the Brevet tracker daemon (certmonger's getcert).",
        footer = {"", "Exit codes: 0 success (status/-w: issued and monitored), 1 error, 2 rejected by the CA,",
            "3 CA unreachable, 4 stuck (needs guidance), 5 still in progress."},
        subcommands = {RequestCommand.class, StartTrackingCommand.class, StopTrackingCommand.class,
            ResubmitCommand.class, RekeyCommand.class, RefreshCommand.class, ListCommand.class, StatusCommand.class,
            AddCaCommand.class, ListCasCommand.class, ModifyCaCommand.class, RefreshCaCommand.class,
            RemoveCaCommand.class})
public final class GetcertMain implements Runnable {
    static final String FORCED_CA_PROPERTY = "brevet.getcert.ca";

    @Spec
    CommandSpec spec;

    private final Optional<String> forcedCa;

    GetcertMain(Optional<String> forcedCa) {
        this.forcedCa = forcedCa;
    }

    Optional<String> forcedCa() {
        return forcedCa;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Optional<String> forced = Optional.ofNullable(System.getProperty(FORCED_CA_PROPERTY)).filter(s -> !s.isBlank());
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, forced, out, err));
    }

    static int run(String[] args, Optional<String> forcedCa, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GetcertMain(forcedCa));
        if (forcedCa.isPresent()) {
            String name = forcedCa.get().equals("SelfSign") ? "selfsign-getcert" : forcedCa.get() + "-getcert";
            cl.setCommandName(name);
            for (String sub : new String[] {"add-ca", "modify-ca", "remove-ca"}) {
                cl.getCommandSpec().removeSubcommand(sub);
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            c.usage(c.getErr());
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BrevetException b) {
                commandLine.getErr().println(b.detail());
            } else {
                commandLine.getErr().println("Internal error: " + ex);
            }
            commandLine.getErr().flush();
            return 1;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }
}
