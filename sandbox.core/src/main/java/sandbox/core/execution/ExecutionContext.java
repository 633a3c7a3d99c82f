package sandbox.core.execution;

import java.nio.file.Path;
import java.util.Map;
import sandbox.api.PluginContext;

/**
 * The {@link PluginContext} of one execution: immutable, so the plugin cannot change what the core sees.
 *
 * @param pluginId the plugin's id
 * @param dataFolder its data folder
 * @param input the caller's input, an unmodifiable copy
 * @param logger a logger named {@code sandbox.plugin.<id>}
 */
record ExecutionContext(String pluginId, Path dataFolder, Map<String, String> input, System.Logger logger)
        implements PluginContext {

    /** @return the context for a plugin, with its logger */
    static ExecutionContext of(String pluginId, Path dataFolder, Map<String, String> input) {
        return new ExecutionContext(pluginId, dataFolder, Map.copyOf(input), System.getLogger("sandbox.plugin." + pluginId));
    }
}
