package sandbox.monitor;

import java.time.Instant;
import sandbox.api.IoCounters;
import sandbox.api.ResourceUsage;
import sandbox.api.ThreadCost;

/**
 * Everything the monitor keeps for one plugin between samples: whole-life thread totals, the minute window,
 * the peak thread count and the latest usage. Totals are kept monotonic: a task that finishes between the
 * ledger reads of one sample may be missed for that sample, never counted twice (see the core's TaskLedger).
 */
final class PluginLedger {
    private static final int CPU = 0;
    private static final int ALLOC = 1;
    private static final int FILE_WRITTEN = 2;
    private static final int NET = 3;

    final String pluginId;
    final ThreadTotals threads = new ThreadTotals();
    private final MinuteWindow window = new MinuteWindow();
    private long cpu;
    private long allocated;
    private int peakThreads;
    private volatile ResourceUsage latest;

    PluginLedger(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Closes a sample for this plugin.
     *
     * @param tasks finished task cost plus the running tasks' cost so far
     * @param liveThreads the plugin's live threads now
     * @param io its I/O counters
     * @param second monotonic seconds, for the window
     * @param now wall time of the sample
     * @return the new usage
     */
    ResourceUsage close(ThreadCost tasks, int liveThreads, IoCounters io, long second, Instant now) {
        threads.finish();
        cpu = Math.max(cpu, threads.cpu() + tasks.cpuNanos());
        allocated = Math.max(allocated, threads.allocated() + tasks.allocatedBytes());
        peakThreads = Math.max(peakThreads, liveThreads);
        long net = io.netBytesIn() + io.netBytesOut();
        window.record(second, cpu, allocated, io.fileBytesWritten(), net);
        latest = new ResourceUsage(pluginId, cpu, allocated, liveThreads, peakThreads, io,
                window.lastMinute(second, CPU, cpu), window.lastMinute(second, ALLOC, allocated),
                window.lastMinute(second, FILE_WRITTEN, io.fileBytesWritten()), window.lastMinute(second, NET, net), now);
        return latest;
    }

    /** @return seconds the minute window covers now */
    long windowSeconds(long second) {
        return window.span(second);
    }

    ResourceUsage latest() {
        return latest;
    }
}
