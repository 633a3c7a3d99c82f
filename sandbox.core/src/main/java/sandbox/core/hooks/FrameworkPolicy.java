package sandbox.core.hooks;

import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionGrant;
import sandbox.api.PermissionKind;
import sandbox.core.config.TargetGlob;
import sandbox.core.plugins.DefaultPluginPolicy;
import sandbox.core.plugins.PluginPolicyProvider;
import sandbox.core.plugins.TrustedBundles;

/**
 * The framework-level decision {@code (plugin, permission, target) -> allow | record | deny} for the hooks: trusted
 * bundles are never checked; a plugin is allowed what a grant of that kind, with that action, names by target
 * ({@code .}-separated glob: {@code org.osgi.service.cm.*}, {@code **}); otherwise MINIMAL records and every other
 * level denies. If the policy cannot answer (it throws), the plugin is denied: fail closed.
 */
public final class FrameworkPolicy {
    private final TrustedBundles trust;
    private final Supplier<PluginPolicyProvider> policy;

    /**
     * @param trust the trust rule
     * @param policy the operator's policy as of now (a supplier: DS may swap it); {@code null} means the default
     */
    public FrameworkPolicy(TrustedBundles trust, Supplier<PluginPolicyProvider> policy) {
        this.trust = trust;
        this.policy = policy;
    }

    /** @return true for trusted infrastructure */
    public boolean trusted(Bundle bundle) {
        return bundle == null || trust.isTrusted(bundle);
    }

    /** @return true for plugins (everything not trusted) */
    public boolean plugin(Bundle bundle) {
        return bundle != null && trust.isPlugin(bundle);
    }

    /**
     * @param bundle the bundle acting
     * @param kind the permission kind that would grant it
     * @param action the action of that kind
     * @param target what is acted on: a class, package or bundle symbolic name
     * @return the decision
     */
    public Decision decide(Bundle bundle, PermissionKind kind, String action, String target) {
        if (trusted(bundle)) {
            return Decision.ALLOW;
        }
        try {
            PluginPolicyProvider p = provider();
            for (PermissionGrant g : p.granted(bundle).of(kind)) {
                if (g.allows(action) && TargetGlob.matches(g.target(), target, '.')) {
                    return Decision.ALLOW;
                }
            }
            return p.config(bundle).level() == IsolationLevel.MINIMAL ? Decision.RECORD : Decision.DENY;
        } catch (RuntimeException e) {
            return Decision.DENY;
        }
    }

    /** @return the plugin's level; STRICT when the policy cannot answer */
    public IsolationLevel level(Bundle bundle) {
        try {
            return provider().config(bundle).level();
        } catch (RuntimeException e) {
            return IsolationLevel.STRICT;
        }
    }

    private PluginPolicyProvider provider() {
        PluginPolicyProvider p = policy == null ? null : policy.get();
        return p == null ? DefaultPluginPolicy.INSTANCE : p;
    }
}
