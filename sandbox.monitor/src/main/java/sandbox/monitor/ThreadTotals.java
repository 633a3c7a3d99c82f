package sandbox.monitor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Whole-life CPU and allocation of one plugin's sampled threads, with an accumulator for the ones that ended:
 * when a thread is no longer among the plugin's live threads, its last reading moves into {@code ended} and stays
 * there, so a plugin cannot reset its account by using short threads.
 *
 * <p>Sampling gap: what a thread spends between its last sample and its end is not seen. Threads started through
 * the sandbox's wrappers are charged exactly by the task ledger instead (and skipped here); for the others the
 * gap is at most one sampling interval of each ended thread.
 */
final class ThreadTotals {
    private final Map<Long, long[]> last = new HashMap<>();
    private long endedCpu;
    private long endedAllocated;
    private int generation;

    /** Starts a sample: readings not {@link #record}ed before {@link #finish} belong to ended threads. */
    void begin() {
        generation++;
    }

    /** @param cpu the thread's reading, -1 if it ended between being listed and being read */
    void record(long threadId, long cpu, long allocated) {
        long[] reading = last.get(threadId);
        if (cpu < 0 || allocated < 0) {
            return; // ended just now: its previous reading (if any) is retired by finish()
        }
        if (reading == null) {
            last.put(threadId, new long[] {cpu, allocated, generation});
        } else {
            reading[0] = Math.max(reading[0], cpu);
            reading[1] = Math.max(reading[1], allocated);
            reading[2] = generation;
        }
    }

    /** Retires threads not seen in this sample. */
    void finish() {
        for (Iterator<long[]> it = last.values().iterator(); it.hasNext(); ) {
            long[] reading = it.next();
            if (reading[2] != generation) {
                endedCpu += reading[0];
                endedAllocated += reading[1];
                it.remove();
            }
        }
    }

    long cpu() {
        long sum = endedCpu;
        for (long[] reading : last.values()) {
            sum += reading[0];
        }
        return sum;
    }

    long allocated() {
        long sum = endedAllocated;
        for (long[] reading : last.values()) {
            sum += reading[1];
        }
        return sum;
    }

    int tracked() {
        return last.size();
    }
}
