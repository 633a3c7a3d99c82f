package sandbox.core.policy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;

/**
 * One generation of a plugin's policy, immutable but for its decision cache. A policy change builds a new
 * snapshot and swaps it into the {@link PolicyHandle}: the old cache goes with the old snapshot, so no stale
 * decision survives the change.
 */
final class PolicySnapshot {
    private static final int CACHE_LIMIT = 4096;

    final long generation;
    final IsolationLevel level;
    final boolean strict;
    final IsolationConfig config;
    final PluginPermissions granted;
    final Path dataFolder;
    final FileGrants files;
    final HostGrants hosts;
    final NameGrants names;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    PolicySnapshot(long generation, IsolationConfig config, PluginPermissions granted, Path dataFolder) {
        this.generation = generation;
        this.config = config;
        this.level = config.level();
        this.strict = level.atLeast(IsolationLevel.STRICT);
        this.granted = granted;
        this.dataFolder = dataFolder;
        this.files = new FileGrants(granted.grants(), dataFolder);
        this.hosts = new HostGrants(granted.grants());
        this.names = new NameGrants(granted.grants());
    }

    Boolean cached(String key) {
        return cache.get(key);
    }

    void remember(String key, boolean allowed) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();   // a plugin cycling through many paths must not grow the cache without bound
        }
        cache.put(key, allowed);
    }
}
