package sandbox.core.policy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
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
    /**
     * Decisions by kind, then action, then target. Not one map keyed by a "kind + action + target" string: building
     * and hashing that string on every call was most of a cached check's cost (docs/benchmarks.md, issue 3). Here the
     * target is the key as the caller has it; a path's text is usually the same String object call after call (the
     * JDK's paths keep their text), so its hash is cached and the lookup compares by identity. The first two levels
     * are fixed at construction (every kind and its actions), so only the targets' maps change.
     */
    private final Map<PermissionKind, Map<String, Map<String, Boolean>>> cache = new EnumMap<>(PermissionKind.class);

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
        for (PermissionKind kind : PermissionKind.values()) {
            Map<String, Map<String, Boolean>> byAction = new HashMap<>();
            for (String action : kind.actions()) {
                byAction.put(action, new ConcurrentHashMap<>());
            }
            cache.put(kind, byAction);
        }
    }

    /** @return the decision made earlier for this target, or null */
    Boolean cached(PermissionKind kind, String action, String target) {
        Map<String, Boolean> decisions = decisions(kind, action, target);
        return decisions == null ? null : decisions.get(target);
    }

    void remember(PermissionKind kind, String action, String target, boolean allowed) {
        Map<String, Boolean> decisions = decisions(kind, action, target);
        if (decisions == null) {
            return;   // an action the kind does not have, or no target: decided every time, never cached
        }
        if (decisions.size() >= CACHE_LIMIT) {
            decisions.clear();   // a plugin cycling through many paths must not grow the cache without bound
        }
        decisions.put(target, allowed);
    }

    private Map<String, Boolean> decisions(PermissionKind kind, String action, String target) {
        return target == null ? null : cache.get(kind).get(action);
    }
}
