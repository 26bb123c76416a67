package org.brevet.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code brevet-bench SCENARIO [options]}. Each scenario prints its figures and ends with one line
 * {@code RESULT key=value ...} that scripts and docs/PERFORMANCE.md quote.
 */
@Command(name = "brevet-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the Brevet CA measured against the crypto limit of this machine.",
        subcommands = {IssueScenario.class, ClusterIssueScenario.class, LimitScenario.class, CrlScenario.class, OcspScenario.class, TrackerScenario.class})
public final class BenchMain {
    public static void main(String[] args) {
        CommandLine cmd = new CommandLine(new BenchMain());
        cmd.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("brevet-bench: " + e.getMessage());
            return 1;
        });
        System.exit(cmd.execute(args));
    }
}
