package org.brevet.bench;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The crypto limit alone (JMH): what issuance would reach if each certificate cost only its crypto. */
@Command(name = "limit", mixinStandardHelpOptions = true, description = "Measure the crypto limit of issuance with JMH.")
final class LimitScenario implements Callable<Integer> {
    @Option(names = "--ca-key", defaultValue = "ec:p256")
    String caKey;

    @Option(names = "--key", defaultValue = "ec:p256")
    String csrKey;

    @Option(names = "--limit-seconds", defaultValue = "3")
    int seconds;

    @Override
    public Integer call() throws Exception {
        CryptoLimit.Figures f = CryptoLimit.measure(caKey, csrKey, seconds);
        System.out.printf(Locale.ROOT, "RESULT scenario=limit ca_key=%s csr_key=%s issue_per_core_s=%.0f verify_per_core_s=%.0f cores=%d limit_per_s=%.0f%n",
                caKey, csrKey, f.issuePerSecond(), f.verifyPerSecond(), f.cores(), f.limitPerSecond());
        return 0;
    }
}
