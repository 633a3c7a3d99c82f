package sandbox.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * When each plugin is next due for a sample. A plugin is sampled every {@code min(monitor interval, its own
 * IsolationConfig.checkInterval)}: the policy's check interval says how closely a plugin is watched, the monitor's
 * configured interval is the default and the upper bound. A plugin whose real-time monitoring is off is never
 * due (only {@code sampleNow} reads it). Not thread-safe: the monitor's thread uses it.
 */
final class Cadence {
    static final long NEVER = Long.MAX_VALUE;
    private final Map<String, Long> next = new HashMap<>();

    /**
     * @param pluginId the plugin
     * @param now nanoTime now
     * @param intervalNanos its interval, or {@link #NEVER}
     * @return true when it is due now (and then it is booked for its next sample)
     */
    boolean due(String pluginId, long now, long intervalNanos) {
        if (intervalNanos == NEVER) {
            return false;
        }
        Long at = next.get(pluginId);
        if (at != null && now < at) {
            return false;
        }
        // from the due time, not from now, so a late tick does not stretch the cadence (but never book the past)
        long from = at == null ? now : Math.max(at, now - intervalNanos);
        next.put(pluginId, from + intervalNanos);
        return true;
    }

    /** @return nanoseconds until the earliest booked sample, at most {@code cap} */
    long untilNext(long now, long cap) {
        long min = cap;
        for (long at : next.values()) {
            min = Math.min(min, Math.max(0, at - now));
        }
        return min;
    }
}
