package sandbox.core.policy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.accounting.IoAccount;

/**
 * A plugin's policy as enforcement points see it: who the plugin is and its current {@link PolicySnapshot}.
 * Every woven class of the plugin holds this object in a synthetic static field; a check reads the snapshot
 * (one volatile read) and compares. A policy change swaps the snapshot and takes effect at the next call,
 * without re-weaving or restarting the plugin.
 */
public final class PolicyHandle {
    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final String pluginId;
    private final String version;
    private final long bundleId;
    private final IoAccount io;
    private volatile PolicySnapshot snapshot;
    private final AuditLog audit = new AuditLog();

    /**
     * @param pluginId the plugin's id (bundle symbolic name)
     * @param version the bundle's version
     * @param bundleId the bundle's id; classes whose loader belongs to it are the plugin's own frames
     * @param io where the plugin's I/O is counted
     * @param config level and limits
     * @param granted what the operator grants
     * @param dataFolder the plugin's data folder, always granted; {@code null} if it has none
     */
    public PolicyHandle(String pluginId, String version, long bundleId, IoAccount io, IsolationConfig config,
                        PluginPermissions granted, Path dataFolder) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.version = Objects.requireNonNull(version, "version");
        this.bundleId = bundleId;
        this.io = io == null ? new IoAccount() : io;
        apply(config, granted, dataFolder);
    }

    /** Applies a new policy; running code sees it at its next sensitive call. */
    public void update(IsolationConfig config, PluginPermissions granted, Path dataFolder) {
        CoreCallers.require("changing a plugin's policy");
        apply(config, granted, dataFolder);
    }

    private void apply(IsolationConfig config, PluginPermissions granted, Path dataFolder) {
        snapshot = new PolicySnapshot(GENERATIONS.incrementAndGet(), Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(granted, "granted"), dataFolder);
    }

    PolicySnapshot snapshot() {
        return snapshot;
    }

    public String pluginId() {
        return pluginId;
    }

    public String version() {
        return version;
    }

    public long bundleId() {
        return bundleId;
    }

    public IoAccount io() {
        return io;
    }

    /** @return the level in force now */
    public IsolationLevel level() {
        return snapshot.level;
    }

    /** @return the policy generation in force; grows with every change to any plugin's policy */
    public long generation() {
        return snapshot.generation;
    }

    /** @return the plugin's bandwidth limit in force, bytes per second */
    public long networkBytesPerSecond() {
        return snapshot.config.limits().networkBytesPerSecond();
    }

    /** @return the grants in force */
    public PluginPermissions granted() {
        return snapshot.granted;
    }

    /** @return what the plugin did that was sensitive, as recorded (at every level) */
    public AuditLog audit() {
        return audit;
    }

    @Override
    public String toString() {
        return pluginId + " " + version;
    }
}
