package org.brevet.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LimitBenchmark} with JMH (one forked JVM, one thread) and turns the two rates into the
 * machine's issuance limit: on every core, each certificate costs one issue plus one CSR verification.
 */
final class CryptoLimit {
    record Figures(double issuePerSecond, double verifyPerSecond, int cores) {
        /** Certificates per second if each cost only its signature and its CSR check, on all cores. */
        double limitPerSecond() {
            return cores / (1.0 / issuePerSecond + 1.0 / verifyPerSecond);
        }
    }

    static Figures measure(String caKey, String csrKey, int seconds) throws Exception {
        Options options = new OptionsBuilder()
                .include(LimitBenchmark.class.getName() + "\\.(issue|verifyCsr)$")
                .param("caKey", caKey)
                .param("csrKey", csrKey)
                .forks(1)
                .threads(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(Math.max(1, seconds / 2)))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xms512m", "-Xmx512m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double issue = 0;
        double verify = 0;
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith(".issue")) {
                issue = score;
            } else {
                verify = score;
            }
        }
        return new Figures(issue, verify, Runtime.getRuntime().availableProcessors());
    }
}
