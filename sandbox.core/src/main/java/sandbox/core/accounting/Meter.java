package sandbox.core.accounting;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the bytes of one open file or socket into its plugin's {@link IoAccount}, paces network bytes through
 * the plugin's {@link Throttle}, and counts the resource closed exactly once however many of its streams and
 * channels are closed. Created when the resource is opened (that is when it is counted open).
 *
 * <p>A meter is made for every file a plugin opens, so it is kept cheap: a file has no throttle (files are never
 * paced; making an unlimited one read the clock and allocated on every open) and the closed flag is a field
 * updated through a {@link VarHandle} rather than an {@code AtomicBoolean} of its own.
 */
public final class Meter {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(Meter.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoAccount account;
    private final boolean network;
    private final Throttle throttle;   // null for a file
    private volatile boolean closed;

    /**
     * A file's meter. No {@code Throttle} in this signature: C2 inlines no call whose signature names a class not
     * loaded yet, and a plugin that only uses files never loads it.
     */
    private Meter(IoAccount account) {
        this.account = account;
        this.network = false;
        this.throttle = null;
        account.fileOpened();
    }

    private Meter(IoAccount account, Throttle throttle) {
        this.account = account;
        this.network = true;
        this.throttle = throttle;
        account.socketOpened();
    }

    /** @return a meter for a file just opened (counted open now) */
    public static Meter file(IoAccount account) {
        return new Meter(account);
    }

    /** @return a meter for a socket just connected or accepted (counted as a connection and open now) */
    public static Meter socket(IoAccount account, Throttle throttle) {
        return new Meter(account, java.util.Objects.requireNonNull(throttle, "throttle"));
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

    /**
     * Counts the resource closed, once. Kept under the JIT's 35-byte inlining limit for calls that are not hot
     * (the close in a stream's exception path): a meter passed to a call that is not inlined cannot be
     * scalar-replaced in the plugin's compiled code.
     */
    void closed() {
        if (!closed && CLOSED.compareAndSet(this, false, true)) {   // reading first spares the CAS on a second close
            countClosed();
        }
    }

    private void countClosed() {
        if (network) {
            account.socketClosed();
        } else {
            account.fileClosed();
        }
    }

    /** @return true once the resource was counted closed */
    public boolean isClosed() {
        return closed;
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
