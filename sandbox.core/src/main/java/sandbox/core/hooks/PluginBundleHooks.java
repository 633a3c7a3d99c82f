package sandbox.core.hooks;

import java.util.Collection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.hooks.bundle.EventHook;
import org.osgi.framework.hooks.bundle.FindHook;
import sandbox.api.PermissionKind;

/**
 * Hides trusted bundles (the system bundle and the sandbox's own included) from plugins: {@code getBundles()},
 * {@code getBundle(id)} and bundle events no longer hand a plugin a {@link Bundle} object of infrastructure, so it
 * cannot simply stop, update or uninstall it or take its context (E2, E7, E8) unless granted
 * {@code framework;target=<symbolic name>;actions=lifecycle}. Felix applies bundle find hooks to every context but
 * the system bundle's, so this works for bundle 0 too.
 *
 * <p>What remains (caller-side checks): {@code getBundle(String location)} is not subject to find hooks,
 * {@code ServiceReference.getBundle()} of a visible service and {@code FrameworkUtil.getBundle(Class)} of a visible
 * class still return trusted bundles, so {@code Bundle.stop/update/uninstall/getBundleContext/adapt} on a bundle
 * other than the caller's own must also be checked where they are called.
 */
final class PluginBundleHooks implements FindHook, EventHook {
    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;

    PluginBundleHooks(FrameworkPolicy policy, FrameworkViolations violations) {
        this.policy = policy;
        this.violations = violations;
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        Bundle viewer = PluginServiceHooks.bundleOf(context);
        if (!policy.plugin(viewer)) {
            return;
        }
        boolean single = bundles.size() == 1; // getBundle(id): the plugin asked for that one bundle
        bundles.removeIf(b -> {
            if (!policy.trusted(b) || b.equals(viewer)) {
                return false;
            }
            Decision d = policy.decide(viewer, PermissionKind.FRAMEWORK, "lifecycle", String.valueOf(b.getSymbolicName()));
            if (single && violations.callingPlugin() != null) {
                violations.report(viewer, PermissionKind.FRAMEWORK, "BundleContext.getBundle", b.getSymbolicName() + " (bundle " + b.getBundleId() + ")", d);
            }
            return !d.allowed();
        });
    }

    @Override
    public void event(BundleEvent event, Collection<BundleContext> contexts) {
        Bundle subject = event.getBundle();
        if (!policy.trusted(subject)) {
            return;
        }
        contexts.removeIf(c -> {
            Bundle viewer = bundleOf(c);
            return policy.plugin(viewer)
                    && !policy.decide(viewer, PermissionKind.FRAMEWORK, "lifecycle", String.valueOf(subject.getSymbolicName())).allowed();
        });
    }

    private static Bundle bundleOf(BundleContext c) {
        return PluginServiceHooks.bundleOf(c);
    }
}
