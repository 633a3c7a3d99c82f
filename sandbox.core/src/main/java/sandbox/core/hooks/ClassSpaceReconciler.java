package sandbox.core.hooks;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Keeps plugins' wiring in line with the policy in force. Wiring is fixed when a bundle resolves, so:
 * <ul>
 *   <li>at sandbox start, plugins already resolved were resolved (and may have defined classes) before the hooks
 *       existed: they are refreshed, so they resolve again through the resolver hook and their classes are defined
 *       again through the weaving hook (E13);</li>
 *   <li>after a policy change, a plugin wired to something now refused is refreshed (its bundle restarts: the only
 *       way to take a wire away), and an unresolved plugin is offered to the resolver again (a new grant may let it
 *       resolve now, without reinstalling).</li>
 * </ul>
 */
final class ClassSpaceReconciler {
    private static final System.Logger LOG = System.getLogger("sandbox.core.hooks");
    private static final int RESOLVED_STATES = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final FrameworkWiring wiring;
    private final FrameworkPolicy policy;
    private final PluginResolverHook rules;

    ClassSpaceReconciler(FrameworkWiring wiring, FrameworkPolicy policy, PluginResolverHook rules) {
        this.wiring = wiring;
        this.policy = policy;
        this.rules = rules;
    }

    /** Refreshes every plugin that is resolved now (called once the hooks are registered). */
    void refreshResolvedPlugins(Bundle[] bundles, String why) {
        List<Bundle> resolved = new ArrayList<>();
        for (Bundle b : bundles) {
            if (policy.plugin(b) && (b.getState() & RESOLVED_STATES) != 0) {
                resolved.add(b);
            }
        }
        refresh(resolved, why);
    }

    /** Re-resolves or refreshes the plugins whose policy changed, as their wiring requires. */
    void policyChanged(Collection<Bundle> affected) {
        List<Bundle> toRefresh = new ArrayList<>();
        List<Bundle> toResolve = new ArrayList<>();
        for (Bundle b : affected) {
            if (b.getState() == Bundle.INSTALLED) {
                toResolve.add(b);
            } else if ((b.getState() & RESOLVED_STATES) != 0 && wiredToRefused(b)) {
                toRefresh.add(b);
            }
        }
        if (!toResolve.isEmpty()) {
            wiring.resolveBundles(toResolve);
        }
        refresh(toRefresh, "their policy no longer allows a package or host they are wired to");
    }

    private boolean wiredToRefused(Bundle b) {
        BundleWiring w = b.adapt(BundleWiring.class);
        if (w == null) {
            return false;
        }
        for (BundleWire wire : w.getRequiredWires(null)) {
            if (!rules.permits(wire.getRequirement(), wire.getCapability())) {
                return true;
            }
        }
        return false;
    }

    private void refresh(List<Bundle> plugins, String why) {
        if (plugins.isEmpty()) {
            return;
        }
        LOG.log(Level.WARNING, "refreshing plugins " + plugins.stream().map(Bundle::getSymbolicName).toList() + ": " + why);
        wiring.refreshBundles(plugins);
    }
}
