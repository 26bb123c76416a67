package org.brevet.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brevet.pki.BrevetException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * Assembles the {@code brevet} command line and maps every failure to one line on standard error
 * ({@code brevet: <detail>}) and an exit code from {@link ExitCode}. No stack trace reaches the user.
 */
final class Brevet {
    private Brevet() {
    }

    static CommandLine commandLine(Session session, PrintWriter out, PrintWriter err) {
        CommandFactory factory = new CommandFactory(session);
        CommandLine cl = new CommandLine(BrevetCommand.class, factory);
        addRootOptions(cl.getCommandSpec(), session.options(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setExecutionExceptionHandler(executionErrors());
        cl.setParameterExceptionHandler(usageErrors());
        documentExitCodes(cl);
        return cl;
    }

    /**
     * Gives {@code brevet} itself the connection and output options, bound to the same object the client
     * groups' inherited mixins fill, but local: not pushed down into the server's commands.
     */
    private static void addRootOptions(CommandSpec root, GlobalOptions options, CommandLine.IFactory factory) {
        for (OptionSpec o : CommandSpec.forAnnotatedObject(options, factory).options()) {
            root.addOption(OptionSpec.builder(o).scopeType(ScopeType.LOCAL).build());
        }
    }

    /**
     * Puts the exit code table into the --help of the command and of all its subcommands, except those
     * that document their own (the server's commands have their own codes).
     */
    static void documentExitCodes(CommandLine cl) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCode.HELP) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        if (!usage.exitCodeList().isEmpty()) {
            return;
        }
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(codes);
        cl.getSubcommands().values().forEach(Brevet::documentExitCodes);
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("brevet: " + oneLine(e.getMessage())
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            cmd.getErr().flush();
            return ExitCode.USAGE;
        };
    }

    private static IExecutionExceptionHandler executionErrors() {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            cmd.getErr().println("brevet: " + oneLine(detail(e)));
            cmd.getErr().flush();
            return exitCode(e);
        };
    }

    static int exitCode(Exception e) {
        if (e instanceof ServerErrorException refused) {
            return refused.isServerFault() ? ExitCode.SERVER_ERROR : ExitCode.REFUSED;
        }
        if (e instanceof ServerUnreachableException) {
            return ExitCode.UNREACHABLE;
        }
        if (e instanceof RequestNotCompleteException notComplete) {
            return notComplete.isPending() ? ExitCode.PENDING : ExitCode.REFUSED;
        }
        // ParameterException, BrevetException (local input and files) and anything unexpected
        return ExitCode.USAGE;
    }

    private static String detail(Exception e) {
        if (e instanceof ServerErrorException refused) {
            return refused.error().isEmpty() ? refused.detail() : refused.detail() + " [" + refused.error() + "]";
        }
        if (e instanceof BrevetException be) {
            return be.detail();
        }
        if (e instanceof ServerUnreachableException || e instanceof RequestNotCompleteException
                || e instanceof ParameterException) {
            return e.getMessage();
        }
        return "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
