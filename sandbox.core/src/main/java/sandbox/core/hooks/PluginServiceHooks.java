package sandbox.core.hooks;

import java.util.Collection;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import sandbox.api.PermissionKind;

/**
 * Hides services from plugins per {@link ServiceVisibility}: from lookups ({@link FindHook}) and from service
 * listeners and trackers ({@link EventListenerHook}). A lookup by interface name, made with plugin code on the stack,
 * that comes back without the hidden service is a violation; a listing without a name, or a lookup a deputy makes
 * with the plugin's context and no plugin code on the stack, is filtered silently: a violation must be the plugin's
 * own doing, or STRICT would quarantine a plugin for what SCR did on its behalf.
 *
 * <p>One deputy is let through: Felix SCR's {@code ConfigAdminTracker} looks up Configuration Admin with each
 * component bundle's own context to hand the bundle's components their configuration; SCR keeps the service, the
 * plugin never holds it. Any lookup with a plugin frame on the stack is decided for the plugin as usual.
 *
 * <p>For trusted viewers the same two hooks hide services plugins registered, unless host-facing or granted
 * ({@link ServiceVisibility#visibleToTrusted}, E11): lookups, {@code ServiceTracker}s and listeners of trusted bundles
 * never see a plugin's service under a host interface, whatever its ranking. {@code Bundle.getRegisteredServices()}
 * is not subject to find hooks: a host that asks one bundle for its services on purpose still gets them.
 */
final class PluginServiceHooks implements FindHook, EventListenerHook {
    private final FrameworkPolicy policy;
    private final ServiceVisibility visibility;
    private final FrameworkViolations violations;

    PluginServiceHooks(FrameworkPolicy policy, FrameworkViolations violations, Bundle enforcer) {
        this.policy = policy;
        this.visibility = new ServiceVisibility(policy, enforcer);
        this.violations = violations;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
                     Collection<ServiceReference<?>> references) {
        Bundle viewer = bundleOf(context);
        if (!policy.plugin(viewer)) {
            references.removeIf(ref -> !visibility.visibleToTrusted(viewer, ref));
            return;
        }
        references.removeIf(ref -> {
            Decision d = visibility.visibility(viewer, ref);
            if (d == Decision.ALLOW) {
                return false;
            }
            Bundle caller = violations.callingPlugin();
            if (caller == null) {
                return !(d.allowed() || scrConfigurationSupport(ref));
            }
            if (name != null) {
                violations.report(viewer, PermissionKind.FRAMEWORK, "BundleContext.getServiceReference", name, d);
            }
            return !d.allowed();
        });
    }

    private static final String SCR_CONFIG_TRACKER = "org.apache.felix.scr.impl.helper.ConfigAdminTracker";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private static boolean scrConfigurationSupport(ServiceReference<?> ref) {
        String[] classes = (String[]) ref.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
        return classes != null && java.util.Arrays.asList(classes).contains("org.osgi.service.cm.ConfigurationAdmin")
                && WALKER.walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith(SCR_CONFIG_TRACKER)));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> ref = event.getServiceReference();
        // A trusted listener that saw a plugin's service while a grant allowed it must also see it go, whatever the
        // policy says now: UNREGISTERING reaches trusted listeners always (a tracker ignores what it never tracked).
        boolean leaving = event.getType() == ServiceEvent.UNREGISTERING;
        listeners.keySet().removeIf(context -> {
            Bundle viewer = bundleOf(context);
            if (policy.plugin(viewer)) {
                return !visibility.visibility(viewer, ref).allowed();
            }
            return !leaving && !visibility.visibleToTrusted(viewer, ref);
        });
    }

    static Bundle bundleOf(BundleContext context) {
        try {
            return context.getBundle();
        } catch (IllegalStateException stale) {
            return null; // a stopped bundle's context: it can look up nothing anyway
        }
    }
}
