package sandbox.core.plugins;

import org.osgi.framework.Bundle;
import sandbox.api.IsolationConfig;
import sandbox.api.PluginPermissions;

/** The policy when the operator configured none: default isolation (STANDARD, default limits), nothing granted. */
public final class DefaultPluginPolicy implements PluginPolicyProvider {
    /** The one instance; it holds no state. */
    public static final PluginPolicyProvider INSTANCE = new DefaultPluginPolicy();

    private DefaultPluginPolicy() {
    }

    @Override
    public IsolationConfig config(Bundle bundle) {
        return IsolationConfig.DEFAULTS;
    }

    @Override
    public PluginPermissions granted(Bundle bundle) {
        return PluginPermissions.NONE;
    }
}
