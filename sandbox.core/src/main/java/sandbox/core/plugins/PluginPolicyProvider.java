package sandbox.core.plugins;

import org.osgi.framework.Bundle;
import sandbox.api.IsolationConfig;
import sandbox.api.PluginPermissions;

/**
 * Internal seam between the plugin registry and the operator's policy: what isolation a plugin gets and which of
 * its requested permissions are granted. The Configuration Admin policy registers an implementation as a DS
 * service inside sandbox.core; until one is there, {@link DefaultPluginPolicy} applies.
 *
 * <p>Called often (every listing and execution) and from any thread: implementations answer from memory.
 * An implementation that throws makes the plugin FAILED (fail closed), it is never executed with a guess.
 */
public interface PluginPolicyProvider {

    /** @param bundle a plugin bundle @return its isolation level, limits and monitoring settings */
    IsolationConfig config(Bundle bundle);

    /** @param bundle a plugin bundle @return the permissions the operator grants it */
    PluginPermissions granted(Bundle bundle);
}
