package sandbox.core.execution;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import sandbox.api.IsolationConfig;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * Everything one execution needs, gathered on the caller's thread before the plugin's thread starts.
 *
 * @param pluginVersion the plugin's bundle version, for violations
 * @param plugin yields the plugin's service object; called on the plugin's thread (it may create the component)
 * @param context what the plugin is handed
 * @param group the plugin's thread group: the execution thread is born in it, so the plugin owns it
 * @param contextLoader the plugin bundle's class loader, the execution thread's context class loader
 * @param config the plugin's isolation level and limits
 * @param liveThreads counts the plugin's live threads now, for peak-thread telemetry
 */
record ExecutionRequest(String pluginVersion, Callable<Plugin> plugin, PluginContext context, ThreadGroup group,
                        ClassLoader contextLoader, IsolationConfig config, IntSupplier liveThreads) {

    ExecutionRequest {
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(liveThreads, "liveThreads");
    }

    String pluginId() {
        return context.pluginId();
    }
}
