package sandbox.itests;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something the container does asynchronously (DS activation, FileInstall's poll). The timeout only keeps
 * a broken build from hanging; no test asserts how fast anything happens.
 */
public final class Await {

    /** Generous: the machine is shared, and a passing test returns as soon as the condition holds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private Await() {
    }

    /**
     * Polls until {@code probe} yields a value.
     *
     * @param what described in the failure message
     * @param probe returns empty while the condition does not hold yet
     * @return the first value the probe yields
     * @throws AssertionError when the timeout passes first
     */
    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting after " + DEFAULT_TIMEOUT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Polls until {@code condition} is true; see {@link #until(String, Supplier)}. */
    public static void untilTrue(String what, Supplier<Boolean> condition) {
        until(what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
