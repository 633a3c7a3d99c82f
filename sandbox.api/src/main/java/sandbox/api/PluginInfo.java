package sandbox.api;

import java.util.Objects;

/**
 * A plugin as the container sees it.
 *
 * @param id the plugin's id (bundle symbolic name)
 * @param version the bundle version
 * @param bundleId the framework's bundle id
 * @param state where the plugin is in its life
 * @param config the isolation level and limits in force
 * @param requested the permissions the plugin asks for in its manifest
 * @param granted the permissions the operator's policy grants
 */
public record PluginInfo(String id, String version, long bundleId, PluginState state, IsolationConfig config,
                         PluginPermissions requested, PluginPermissions granted) {

    /** Rejects missing parts. */
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(granted, "granted");
    }

    /**
     * @return what the plugin asks for that no equal grant matches (exact comparison: a request covered by a broader
     *         grant, such as {@code cache/a.txt} under {@code cache/**}, is listed too; the container's own reports
     *         judge coverage)
     */
    public PluginPermissions notGranted() {
        return requested.minus(granted);
    }
}
