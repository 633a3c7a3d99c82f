package sandbox.monitor;

import java.util.EnumMap;
import java.util.Map;
import sandbox.api.PluginLimits;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceUsage;

/**
 * Puts a plugin's usage beside its limits, one figure per {@link ResourceKind} that has a limit. Windowed
 * figures use the sliding minute: the monitor holds a rolling minute to the per-execution budgets, so work done
 * outside executions (background threads, pool tasks) is held to them too; per-execution enforcement is the
 * execution watchdog's.
 */
final class Measure {
    /** The throttle's burst (0.1 s at the rate): pacing at exactly the limit may show this much over it. */
    private static final double BANDWIDTH_BURST_SECONDS = 0.1;

    private Measure() {
    }

    /** A measured figure and its limit, in the resource's unit. */
    record Figure(long value, long limit) {
    }

    /**
     * @param usage the plugin's usage
     * @param limits its limits
     * @param windowSeconds how many seconds the minute window covers so far (1..60)
     * @return the figures of every limited resource
     */
    static Map<ResourceKind, Figure> figures(ResourceUsage usage, PluginLimits limits, long windowSeconds) {
        Map<ResourceKind, Figure> figures = new EnumMap<>(ResourceKind.class);
        put(figures, ResourceKind.CPU, usage.cpuNanosLastMinute(), limits.cpuTime().toNanos());
        put(figures, ResourceKind.ALLOCATION, usage.allocatedBytesLastMinute(), limits.allocatedBytes());
        // the execution thread is one of the live threads but not counted by maxThreads
        put(figures, ResourceKind.THREADS, usage.liveThreads(), limits.maxThreads() + 1L);
        put(figures, ResourceKind.OPEN_FILES, usage.io().openFiles(), limits.maxOpenFiles());
        put(figures, ResourceKind.SOCKETS, usage.io().openSockets(), limits.maxOpenSockets());
        if (limits.networkBytesPerSecond() != PluginLimits.UNLIMITED) {
            long seconds = Math.max(1, windowSeconds);
            long allowance = (long) (limits.networkBytesPerSecond() * (1 + BANDWIDTH_BURST_SECONDS / seconds));
            put(figures, ResourceKind.BANDWIDTH, usage.netBytesLastMinute() / seconds, allowance);
        }
        put(figures, ResourceKind.FILE_BYTES, usage.fileBytesWrittenLastMinute(), limits.fileBytesWritten());
        return figures;
    }

    private static void put(Map<ResourceKind, Figure> figures, ResourceKind kind, long value, long limit) {
        if (limit != PluginLimits.UNLIMITED && limit != Integer.MAX_VALUE) {
            figures.put(kind, new Figure(value, limit));
        }
    }
}
