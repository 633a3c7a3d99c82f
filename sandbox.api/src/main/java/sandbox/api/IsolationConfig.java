package sandbox.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How one plugin is isolated: its level, its limits and how closely it is watched.
 *
 * @param level the isolation level
 * @param limits the plugin's resource budgets
 * @param realTimeMonitoring whether the monitor samples the plugin continuously, not only per execution
 * @param checkInterval how often the watchdog and monitor look at the plugin's threads
 */
public record IsolationConfig(IsolationLevel level, PluginLimits limits, boolean realTimeMonitoring, Duration checkInterval) {

    /** The configuration of a plugin the operator said nothing about. */
    public static final IsolationConfig DEFAULTS =
            new IsolationConfig(IsolationLevel.STANDARD, PluginLimits.DEFAULTS, true, Duration.ofMillis(10));

    /** Rejects a missing level or limits and a check interval outside 1 ms .. 1 min. */
    public IsolationConfig {
        Objects.requireNonNull(level, "isolation level is missing");
        Objects.requireNonNull(limits, "limits are missing");
        Objects.requireNonNull(checkInterval, "check interval is missing");
        if (checkInterval.compareTo(Duration.ofMillis(1)) < 0 || checkInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("check interval must be between 1 ms and 1 min, was " + checkInterval);
        }
    }

    /** @param newLevel the level to use @return a copy with that level */
    public IsolationConfig withLevel(IsolationLevel newLevel) {
        return new IsolationConfig(newLevel, limits, realTimeMonitoring, checkInterval);
    }

    /** @param newLimits the limits to use @return a copy with those limits */
    public IsolationConfig withLimits(PluginLimits newLimits) {
        return new IsolationConfig(level, newLimits, realTimeMonitoring, checkInterval);
    }
}
