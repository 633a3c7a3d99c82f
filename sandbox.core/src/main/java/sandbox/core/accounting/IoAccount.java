package sandbox.core.accounting;

import java.util.concurrent.atomic.LongAdder;
import sandbox.api.IoCounters;

/**
 * One plugin's I/O counters. Updated from plugin threads on every read and write, so each counter is a
 * {@link LongAdder}: no contention between the plugin's threads, no lock on the hot path.
 *
 * <p>Open files and sockets are not counters of their own: they are opens minus closes, so opening a file costs
 * one atomic add instead of two (a file open is a few microseconds; each atomic add on the plugin's path shows in
 * the guard's overhead, docs/benchmarks.md). Only increments happen, so reading the closes before the opens can
 * never see more closes than opens: the figure is never negative.
 */
public final class IoAccount {
    private final LongAdder fileBytesRead = new LongAdder();
    private final LongAdder fileBytesWritten = new LongAdder();
    private final LongAdder fileOpens = new LongAdder();
    private final LongAdder fileCloses = new LongAdder();
    private final LongAdder netBytesIn = new LongAdder();
    private final LongAdder netBytesOut = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder socketCloses = new LongAdder();

    public void fileRead(long bytes) {
        fileBytesRead.add(bytes);
    }

    public void fileWritten(long bytes) {
        fileBytesWritten.add(bytes);
    }

    public void fileOpened() {
        fileOpens.increment();
    }

    public void fileClosed() {
        fileCloses.increment();
    }

    public void netRead(long bytes) {
        netBytesIn.add(bytes);
    }

    public void netWritten(long bytes) {
        netBytesOut.add(bytes);
    }

    public void socketOpened() {
        connections.increment();
    }

    public void socketClosed() {
        socketCloses.increment();
    }

    public IoCounters snapshot() {
        long filesClosed = fileCloses.sum();   // closes first: see the class comment
        long socketsClosed = socketCloses.sum();
        long opens = fileOpens.sum();
        long connects = connections.sum();
        return new IoCounters(fileBytesRead.sum(), fileBytesWritten.sum(), opens, opens - filesClosed,
                netBytesIn.sum(), netBytesOut.sum(), connects, connects - socketsClosed);
    }
}
