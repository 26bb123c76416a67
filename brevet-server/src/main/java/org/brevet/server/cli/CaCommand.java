package org.brevet.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code brevet ca}: install a CA instance ({@code init}, {@code install-cert}). */
@Command(name = "ca", description = "Install a CA instance.",
        subcommands = {CaInitCommand.class, CaInstallCertCommand.class, CaExportKeysCommand.class, CaCloneCommand.class,
            CaStatusCommand.class, CaPromoteCommand.class, CaDemoteCommand.class},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "2:no subcommand given"})
public final class CaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
