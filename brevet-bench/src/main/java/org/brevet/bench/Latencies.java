package org.brevet.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, appended by one thread, merged and sorted at the end. */
final class Latencies {
    private long[] samples = new long[1 << 16];
    private int count;

    void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.count; i++) {
                all.add(p.samples[i]);
            }
        }
        Arrays.sort(all.samples, 0, all.count);
        return all;
    }

    /** Percentile in milliseconds of a merged (sorted) set; 0 when empty. */
    double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return samples[Math.max(0, index)] / 1_000_000.0;
    }
}
