package sandbox.core.execution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.ExecutionTelemetry;
import sandbox.api.PluginInfo;
import sandbox.api.SandboxService;
import sandbox.api.ViolationService;
import sandbox.core.accounting.PluginAccounts;
import sandbox.core.plugins.PluginRegistry;
import sandbox.core.plugins.PluginView;
import sandbox.core.runaway.RunawayContainment;

/**
 * The {@link SandboxService}: looks the plugin up, prepares its context on the caller's thread and hands the run
 * to {@link ExecutionRunner}.
 *
 * <p>An execution that cannot start is a KILLED result ("not executable", as {@link ExecutionStatus#KILLED} says),
 * never an exception: no plugin id, null keys or values in the input, an unknown plugin, a plugin that is not
 * READY (its FAILED reason is the error), no data folder.
 */
@Component(service = SandboxService.class)
public final class PluginExecutor implements SandboxService {

    @Reference
    PluginRegistry registry;

    @Reference
    PluginAccounts accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ViolationService violations;

    // Mandatory: no execution runs unwatched (budgets, thread quota, call depth) while containment is not active yet.
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile RunawayContainment runaway;

    private DataFolders folders;
    private ExecutionRunner runner;

    @Activate
    void activate(BundleContext context) {
        folders = DataFolders.of(context);
        runner = new ExecutionRunner(new ExecutionEnding(() -> violations, () -> {
            RunawayContainment r = runaway;
            return r == null ? null : r.containment();
        }));
    }

    @Override
    public List<PluginInfo> plugins() {
        return registry.plugins();
    }

    @Override
    public Optional<PluginInfo> plugin(String pluginId) {
        return registry.view(pluginId).map(PluginView::info);
    }

    @Override
    public ExecutionResult execute(String pluginId, Map<String, String> input) {
        try {
            return prepareAndRun(pluginId, input);
        } catch (RuntimeException e) {
            // A fault of the host side (a destroyed thread group, a framework in shutdown): still a result, never
            // an exception. Plugin exceptions never get here; they end on the plugin's thread.
            return notExecuted(String.valueOf(pluginId), "the sandbox could not run the plugin: " + e);
        }
    }

    private ExecutionResult prepareAndRun(String pluginId, Map<String, String> input) {
        if (pluginId == null || pluginId.isBlank()) {
            return notExecuted(String.valueOf(pluginId), "no plugin id given");
        }
        Map<String, String> copied;
        try {
            copied = input == null ? Map.of() : Map.copyOf(input);
        } catch (NullPointerException e) {
            return notExecuted(pluginId, "the input has a null key or value; keys and values must be strings");
        }
        Optional<PluginView> found = registry.view(pluginId);
        if (found.isEmpty()) {
            return notExecuted(pluginId, "no plugin '" + pluginId + "'; known plugins: " + knownIds());
        }
        PluginView view = found.get();
        if (!view.ready()) {
            return notExecuted(pluginId, "plugin '" + pluginId + "' is " + view.info().state() + ": " + view.problem());
        }
        BundleWiring wiring = view.bundle().adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            return notExecuted(pluginId, "plugin '" + pluginId + "' has no class loader (its bundle is no longer resolved)");
        }
        Path folder;
        try {
            folder = folders.folderOf(pluginId);
        } catch (IOException e) {
            return notExecuted(pluginId, "cannot prepare the data folder: " + e.getMessage());
        }
        ExecutionRequest request = new ExecutionRequest(view.info().version(),
                () -> registry.serviceObject(view.service()),
                ExecutionContext.of(pluginId, folder, copied),
                accounts.threads().groupOf(pluginId), loader, view.info().config(),
                () -> accounts.liveThreads(pluginId).size());
        return runner.run(request);
    }

    private String knownIds() {
        List<String> ids = registry.plugins().stream().map(PluginInfo::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static ExecutionResult notExecuted(String pluginId, String why) {
        return new ExecutionResult(pluginId, ExecutionStatus.KILLED, Map.of(), why, ExecutionTelemetry.NONE);
    }
}
