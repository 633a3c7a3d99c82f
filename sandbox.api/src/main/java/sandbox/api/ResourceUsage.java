package sandbox.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One plugin's resource use as of one sample. Totals never go down: threads that ended keep their share.
 *
 * @param pluginId the plugin
 * @param cpuNanos CPU time of all the plugin's threads and tasks since it was first seen
 * @param allocatedBytes bytes allocated by them since then
 * @param liveThreads threads the plugin owns now
 * @param peakThreads the most live threads seen at once
 * @param io file and network counters from the enforcement layer
 * @param cpuNanosLastMinute CPU time in the sliding last minute
 * @param allocatedBytesLastMinute bytes allocated in the sliding last minute
 * @param fileBytesWrittenLastMinute file bytes written in the sliding last minute
 * @param netBytesLastMinute network bytes in plus out in the sliding last minute
 * @param sampledAt when the sample was taken
 */
public record ResourceUsage(String pluginId, long cpuNanos, long allocatedBytes, int liveThreads, int peakThreads,
                            IoCounters io, long cpuNanosLastMinute, long allocatedBytesLastMinute,
                            long fileBytesWrittenLastMinute, long netBytesLastMinute, Instant sampledAt) {

    /** Rejects missing parts. */
    public ResourceUsage {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(sampledAt, "sampledAt");
    }
}
