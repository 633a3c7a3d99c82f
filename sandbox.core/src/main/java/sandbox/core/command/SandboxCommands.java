package sandbox.core.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import sandbox.api.ExecutionResult;
import sandbox.api.PluginInfo;
import sandbox.api.SandboxService;
import sandbox.core.plugins.PluginRegistry;
import sandbox.core.plugins.PluginView;

/**
 * Gogo commands {@code sandbox:list} and {@code sandbox:run}. Methods return text, which the shell prints; bad
 * arguments come back as a one-line explanation, never as a stack trace. Registered as a plain Object with the
 * osgi.command properties, so the core has no dependency on Gogo's classes.
 */
@Component(service = Object.class, property = {
        "osgi.command.scope=sandbox",
        "osgi.command.function=list",
        "osgi.command.function=run"})
public final class SandboxCommands {
    static final String RUN_USAGE = "usage: sandbox:run <plugin> [key=value ...]   e.g. sandbox:run example.hello name=Ada";

    @Reference
    SandboxService sandbox;

    @Reference
    PluginRegistry registry;

    /** {@code sandbox:list}: every plugin with version, bundle id, state, level and what it asks for but is not granted. */
    public String list() {
        StringBuilder out = new StringBuilder(CommandFormat.pluginTable(sandbox.plugins()));
        Map<String, String> problems = new LinkedHashMap<>();
        for (PluginView v : registry.views()) {
            if (!v.ready()) {
                problems.put(v.info().id() + " (bundle " + v.info().bundleId() + ")", v.problem());
            }
        }
        if (!problems.isEmpty()) {
            out.append("Not ready:\n").append(CommandFormat.problems(problems));
        }
        return out.toString();
    }

    /** {@code sandbox:run} without arguments: explains the usage. */
    public String run() {
        return RUN_USAGE;
    }

    /**
     * {@code sandbox:run <plugin> [key=value ...]}: executes a plugin and prints the result and its telemetry.
     *
     * @param pluginId the plugin's id
     * @param input the input as {@code key=value} arguments
     * @return the result, or why the arguments are wrong
     */
    public String run(String pluginId, String... input) {
        Map<String, String> parsed;
        try {
            parsed = InputArguments.parse(input);
        } catch (IllegalArgumentException e) {
            return "sandbox:run: " + e.getMessage() + "\n" + RUN_USAGE;
        }
        Optional<PluginInfo> plugin = sandbox.plugin(pluginId);
        if (plugin.isEmpty()) {
            String known = String.join(", ", sandbox.plugins().stream().map(PluginInfo::id).toList());
            return "sandbox:run: unknown plugin '" + pluginId + "'; known plugins: " + (known.isEmpty() ? "none" : known);
        }
        ExecutionResult result = sandbox.execute(pluginId, parsed);
        return CommandFormat.result(result);
    }
}
