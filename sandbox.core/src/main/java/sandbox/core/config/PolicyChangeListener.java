package sandbox.core.config;

import java.util.Collection;
import org.osgi.framework.Bundle;

/**
 * Whiteboard service (inside sandbox.core) told when the operator's policy changed, after the new policy is in
 * force: {@link sandbox.core.plugins.PluginPolicyProvider} already answers with it. Register a DS component with
 * {@code service = PolicyChangeListener.class}; the configured policy calls every one.
 *
 * <p>Called on a Configuration Admin event thread, never on a plugin's thread. A listener drops cached decisions
 * for the bundles given (the guard's per-handle caches, the registry's views) and must not block.
 */
public interface PolicyChangeListener {

    /** @param affected the plugin bundles whose policy (level, limits or grants) is different now */
    void policyChanged(Collection<Bundle> affected);
}
