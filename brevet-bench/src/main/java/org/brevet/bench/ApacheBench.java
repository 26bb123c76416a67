package org.brevet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brevet.testkit.ProcessResult;
import org.brevet.testkit.ProcessRunner;

/**
 * Apache Bench ({@code ab}, Debian package apache2-utils) POSTing one body: the load generator that also
 * works against {@code openssl ocsp}, whose responder a connect-and-close probe (wrk's) wedges.
 */
final class ApacheBench {
    private static final Pattern RATE = Pattern.compile("Requests per second:\\s+([0-9.]+)");
    /** ab's failure breakdown; "Length" only means a body's length differed from the first one's, as ECDSA signatures do. */
    private static final Pattern FAILED = Pattern.compile("\\(Connect: (\\d+), Receive: (\\d+), Length: \\d+, Exceptions: (\\d+)\\)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");

    record Result(double perSecond, long failed) {
    }

    private final ProcessRunner runner;
    private final List<String> prefix;

    /** @param prefix words before {@code ab}, e.g. {@code ip netns exec NS} to run it inside a namespace */
    ApacheBench(ProcessRunner runner, List<String> prefix) {
        this.runner = runner;
        this.prefix = List.copyOf(prefix);
    }

    Result post(String url, Path body, String contentType, int requests, int concurrency, boolean keepAlive) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("ab", "-q", "-n", Integer.toString(requests), "-c", Integer.toString(concurrency)));
        if (keepAlive) {
            cmd.add("-k");
        }
        cmd.addAll(List.of("-p", body.toString(), "-T", contentType, url));
        ProcessResult r = runner.run(cmd).assertSuccess();
        Matcher rate = RATE.matcher(r.stdout());
        if (!rate.find()) {
            throw new IllegalStateException("ab printed no rate:\n" + r.output());
        }
        long failed = count(NON_2XX, r.stdout());
        Matcher breakdown = FAILED.matcher(r.stdout());
        if (breakdown.find()) {
            failed += Long.parseLong(breakdown.group(1)) + Long.parseLong(breakdown.group(2)) + Long.parseLong(breakdown.group(3));
        }
        return new Result(Double.parseDouble(rate.group(1)), failed);
    }

    private static long count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
