package sandbox.core.accounting;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket for bytes, shared by all of one plugin's network streams and channels (both directions).
 * Nothing is ever dropped: a caller over the rate is made to wait.
 *
 * <p>Implemented as a virtual clock (GCRA): {@code due} is when the bytes granted so far would have been sent at
 * exactly the rate; a grant that puts {@code due} more than one burst ahead of now sleeps for the difference.
 * Callers queue fairly by the order they took their grant, and the rate can change at any time.
 */
public final class Throttle {
    /** How much the bucket holds when full, as time at the current rate. */
    static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Smallest grant a metered stream asks for at once, so a large write is paced in steps. */
    static final int MIN_CHUNK = 4096;

    private volatile long bytesPerSecond;
    private long due;

    /** @param bytesPerSecond the rate; {@link Long#MAX_VALUE} means unlimited */
    public Throttle(long bytesPerSecond) {
        setRate(bytesPerSecond);
        this.due = System.nanoTime();
    }

    /** @return a throttle that never waits */
    public static Throttle unlimited() {
        return new Throttle(Long.MAX_VALUE);
    }

    /** @param bytesPerSecond the new rate, positive; {@link Long#MAX_VALUE} means unlimited */
    public void setRate(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("throttle rate must be positive bytes per second, was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** @return the rate in bytes per second */
    public long rate() {
        return bytesPerSecond;
    }

    /** @return true when the throttle never waits */
    public boolean unlimitedRate() {
        return bytesPerSecond == Long.MAX_VALUE;
    }

    /**
     * @return the largest single grant a stream should ask for, so a big write is paced in steps no longer than
     * a burst
     */
    public int chunk() {
        long rate = bytesPerSecond;
        if (rate == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(MIN_CHUNK, Math.min(Integer.MAX_VALUE, rate * BURST_NANOS / 1_000_000_000L));
    }

    /**
     * Takes {@code bytes} from the bucket, waiting until the rate allows them.
     *
     * @param bytes the bytes about to be (or just) transferred
     * @return false if the wait was cut short by an interrupt (the interrupt flag is then set again)
     */
    public boolean acquire(long bytes) {
        long rate = bytesPerSecond;
        if (rate == Long.MAX_VALUE || bytes <= 0) {
            return true;
        }
        long cost = (long) (bytes * (1_000_000_000d / rate));
        long wakeAt;
        synchronized (this) {
            long now = System.nanoTime();
            due = Math.max(due, now - BURST_NANOS) + cost;
            wakeAt = due - BURST_NANOS;
        }
        for (long left = wakeAt - System.nanoTime(); left > 0; left = wakeAt - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
