package sandbox.core.plugins;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import sandbox.api.IsolationConfig;
import sandbox.api.Plugin;
import sandbox.api.PluginInfo;
import sandbox.api.PluginPermissions;
import sandbox.api.PluginState;

/** Builds a {@link PluginView} from a bundle, its parsed header, the policy and its Plugin services. */
final class PluginViews {
    private PluginViews() {
    }

    static PluginView view(Bundle bundle, BundleLife life, RequestedPermissions requested, PluginPolicyProvider policy,
                           List<Long> sharedIdWith, List<ServiceReference<Plugin>> services) {
        IsolationConfig config = IsolationConfig.DEFAULTS;
        PluginPermissions granted = PluginPermissions.NONE;
        String policyProblem = null;
        try {
            config = policy.config(bundle);
            granted = policy.granted(bundle);
            if (config == null || granted == null) {
                throw new IllegalStateException("it returned no answer");
            }
        } catch (RuntimeException e) {
            // fail closed: without a policy answer the plugin is not run with a guessed one
            config = IsolationConfig.DEFAULTS;
            granted = PluginPermissions.NONE;
            policyProblem = "the policy could not decide this plugin's isolation: " + e;
        }
        String bsn = bundle.getSymbolicName();
        PluginAssessment assessment = PluginAssessment.assess(bsn, life, requested, policyProblem,
                sharedIdWith, services.size());
        String id = bsn != null ? bsn : "bundle#" + bundle.getBundleId();
        PluginInfo info = new PluginInfo(id, bundle.getVersion().toString(), bundle.getBundleId(), assessment.state(),
                config, requested.permissions(), granted);
        ServiceReference<Plugin> service = assessment.state() == PluginState.READY ? services.get(0) : null;
        return new PluginView(info, bundle, service, assessment.problem());
    }
}
