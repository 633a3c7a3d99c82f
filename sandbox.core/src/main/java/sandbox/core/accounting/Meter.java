package sandbox.core.accounting;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the bytes of one open file or socket into its plugin's {@link IoAccount}, paces network bytes through
 * the plugin's {@link Throttle}, and counts the resource closed exactly once however many of its streams and
 * channels are closed. Created when the resource is opened (that is when it is counted open).
 */
public final class Meter {
    private final IoAccount account;
    private final boolean network;
    private final Throttle throttle;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Meter(IoAccount account, boolean network, Throttle throttle) {
        this.account = account;
        this.network = network;
        this.throttle = throttle;
        if (network) {
            account.socketOpened();
        } else {
            account.fileOpened();
        }
    }

    /** @return a meter for a file just opened (counted open now) */
    public static Meter file(IoAccount account) {
        return new Meter(account, false, Throttle.unlimited());
    }

    /** @return a meter for a socket just connected or accepted (counted as a connection and open now) */
    public static Meter socket(IoAccount account, Throttle throttle) {
        return new Meter(account, true, throttle);
    }

    /** @return the most bytes to hand to one underlying write, so pacing stays smooth */
    int chunk() {
        return network ? throttle.chunk() : Integer.MAX_VALUE;
    }

    /**
     * Called before writing: waits for the throttle. Nothing has been written yet, so an interrupt can be
     * reported as an {@link InterruptedIOException} without losing a byte.
     */
    void beforeWrite(int bytes, int alreadyWritten) throws InterruptedIOException {
        if (network && !throttle.acquire(bytes)) {
            InterruptedIOException e = new InterruptedIOException("interrupted while throttled to " + throttle.rate() + " B/s");
            e.bytesTransferred = alreadyWritten;
            throw e;
        }
    }

    void written(long bytes) {
        if (bytes <= 0) {
            return;
        }
        if (network) {
            account.netWritten(bytes);
        } else {
            account.fileWritten(bytes);
        }
    }

    /**
     * Called after a read with what was read: counts it and, for sockets, waits off the debt. The bytes are the
     * caller's already; an interrupt only ends the wait (the flag stays set), it never loses them.
     */
    void read(long bytes) {
        if (bytes <= 0) {
            return;
        }
        if (network) {
            account.netRead(bytes);
            throttle.acquire(bytes);
        } else {
            account.fileRead(bytes);
        }
    }

    /** Counts the resource closed, once. */
    void closed() {
        if (closed.compareAndSet(false, true)) {
            if (network) {
                account.socketClosed();
            } else {
                account.fileClosed();
            }
        }
    }

    /** @return true once the resource was counted closed */
    public boolean isClosed() {
        return closed.get();
    }

    /** Runs an underlying close, counting the resource closed even if that close throws. */
    void close(IoCloser closer) throws IOException {
        try {
            closer.close();
        } finally {
            closed();
        }
    }

    /** A close action that may throw. */
    @FunctionalInterface
    interface IoCloser {
        void close() throws IOException;
    }
}
