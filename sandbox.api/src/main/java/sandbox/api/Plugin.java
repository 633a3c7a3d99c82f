package sandbox.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a plugin bundle implements and registers as an OSGi service. The container calls it only through
 * {@link SandboxService#execute}, on a thread owned by the plugin and under the plugin's limits.
 *
 * <p>A plugin bundle registers one {@code Plugin} service; the plugin's id is its bundle symbolic name.
 */
@ConsumerType
public interface Plugin {

    /**
     * Does the plugin's work.
     *
     * @param context who the plugin is, where its data lives, the caller's input and a logger
     * @return the result, as string keys and values (copied by the container; {@code null} means empty)
     * @throws Exception any failure; the container reports it as {@link ExecutionStatus#FAILED}, never rethrows it
     */
    Map<String, String> execute(PluginContext context) throws Exception;
}
