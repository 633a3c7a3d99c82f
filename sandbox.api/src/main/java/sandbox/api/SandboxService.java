package sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The container's front door: which plugins there are, and running one under its limits. */
@ProviderType
public interface SandboxService {

    /** @return every plugin bundle the container knows, sorted by id */
    List<PluginInfo> plugins();

    /**
     * @param pluginId a plugin's id (bundle symbolic name)
     * @return the plugin, if known
     */
    Optional<PluginInfo> plugin(String pluginId);

    /**
     * Executes a plugin on a thread owned by it, under its limits. Never throws what the plugin throws; every
     * outcome, including "no such plugin", is a result.
     *
     * @param pluginId the plugin's id
     * @param input the caller's input, copied
     * @return how the execution ended and what it cost
     */
    ExecutionResult execute(String pluginId, Map<String, String> input);
}
