package org.brevet.it;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition with a bound instead of sleeping a fixed time. */
final class Await {
    private Await() {
    }

    /** Polls {@code value} every 200 ms until {@code done} accepts it; fails with the last value after {@code limit}. */
    static <T> T until(Supplier<T> value, Predicate<T> done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit.toSeconds() + " s: " + what + "; last seen:\n" + last);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }
}
