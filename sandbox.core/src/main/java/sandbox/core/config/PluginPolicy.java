package sandbox.core.config;

import java.time.Duration;
import java.util.Objects;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;
import sandbox.api.PluginPermissions;

/**
 * What the operator's policy gives one plugin: its isolation and its grants.
 *
 * @param config level, limits and monitoring
 * @param granted the permissions granted
 */
public record PluginPolicy(IsolationConfig config, PluginPermissions granted) {

    /** Where a plugin lands when its policy is invalid or ambiguous: STRICT, default limits, nothing granted. */
    public static final PluginPolicy RESTRICTIVE = new PluginPolicy(
            new IsolationConfig(IsolationLevel.STRICT, PluginLimits.DEFAULTS, true, Duration.ofMillis(10)),
            PluginPermissions.NONE);

    /** For plugins no entry matches: the API's defaults (STANDARD), nothing granted. */
    public static final PluginPolicy UNCONFIGURED = new PluginPolicy(IsolationConfig.DEFAULTS, PluginPermissions.NONE);

    /** Rejects missing parts. */
    public PluginPolicy {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(granted, "granted");
    }
}
