package sandbox.core.accounting;

import java.util.concurrent.atomic.LongAdder;
import sandbox.api.IoCounters;

/**
 * One plugin's I/O counters. Updated from plugin threads on every read and write, so each counter is a
 * {@link LongAdder}: no contention between the plugin's threads, no lock on the hot path.
 */
public final class IoAccount {
    private final LongAdder fileBytesRead = new LongAdder();
    private final LongAdder fileBytesWritten = new LongAdder();
    private final LongAdder fileOpens = new LongAdder();
    private final LongAdder openFiles = new LongAdder();
    private final LongAdder netBytesIn = new LongAdder();
    private final LongAdder netBytesOut = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder openSockets = new LongAdder();

    public void fileRead(long bytes) {
        fileBytesRead.add(bytes);
    }

    public void fileWritten(long bytes) {
        fileBytesWritten.add(bytes);
    }

    public void fileOpened() {
        fileOpens.increment();
        openFiles.increment();
    }

    public void fileClosed() {
        openFiles.decrement();
    }

    public void netRead(long bytes) {
        netBytesIn.add(bytes);
    }

    public void netWritten(long bytes) {
        netBytesOut.add(bytes);
    }

    public void socketOpened() {
        connections.increment();
        openSockets.increment();
    }

    public void socketClosed() {
        openSockets.decrement();
    }

    public IoCounters snapshot() {
        return new IoCounters(fileBytesRead.sum(), fileBytesWritten.sum(), fileOpens.sum(), openFiles.sum(),
                netBytesIn.sum(), netBytesOut.sum(), connections.sum(), openSockets.sum());
    }
}
