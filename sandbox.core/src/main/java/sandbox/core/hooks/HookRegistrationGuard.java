package sandbox.core.hooks;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import sandbox.api.PermissionKind;

/**
 * Makes a framework hook registered by a plugin ineffective (E3, E5). Felix's HookRegistry adds every service
 * registered under a hook name and calls it, whoever registered it; OSGi has no pre-registration veto without a
 * SecurityManager. The caller-side check on {@code registerService} is the first line; this is the second: a
 * synchronous listener that sees the REGISTERED event before {@code registerService} returns to the plugin, and
 * unregisters the service at once. Between Felix adding the hook and this listener removing it (microseconds, on
 * the registering thread) another thread could still call it; that window is why the caller-side check exists.
 *
 * <p>Unregistering another bundle's service needs its {@link ServiceRegistration}, which the framework keeps
 * private; on Felix it is reached through the reference's {@code getRegistration()}. Where that fails (another
 * framework), the plugin is stopped instead, which unregisters all its services.
 */
final class HookRegistrationGuard implements AllServiceListener {
    private static final System.Logger LOG = System.getLogger("sandbox.core.hooks");

    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;

    HookRegistrationGuard(FrameworkPolicy policy, FrameworkViolations violations) {
        this.policy = policy;
        this.violations = violations;
    }

    /** @return an LDAP filter selecting services registered under any hook name */
    static String filter() {
        StringBuilder f = new StringBuilder("(|(objectClass=org.osgi.framework.hooks.*)");
        HookNames.NAMES.forEach(n -> f.append("(objectClass=").append(n).append(')'));
        return f.append(')').toString();
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() != ServiceEvent.REGISTERED) {
            return;
        }
        ServiceReference<?> ref = event.getServiceReference();
        Bundle registrant = ref.getBundle();
        if (!policy.plugin(registrant)) {
            return;
        }
        for (String name : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
            if (HookNames.isHook(name)) {
                Decision d = policy.decide(registrant, PermissionKind.FRAMEWORK, "hook", name);
                violations.report(registrant, PermissionKind.FRAMEWORK, "BundleContext.registerService", name, d);
                if (!d.allowed()) {
                    neutralise(registrant, ref);
                    return;
                }
            }
        }
    }

    private static void neutralise(Bundle registrant, ServiceReference<?> ref) {
        try {
            Method m = ref.getClass().getDeclaredMethod("getRegistration");
            m.setAccessible(true);
            ((ServiceRegistration<?>) m.invoke(ref)).unregister();
            return;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot unregister hook service " + ref + " of plugin " + registrant.getSymbolicName()
                    + " directly (" + e + "); stopping the plugin instead");
        }
        Thread stopper = new Thread(() -> {
            try {
                registrant.stop();
            } catch (BundleException | RuntimeException e) {
                LOG.log(Level.ERROR, "cannot stop plugin " + registrant.getSymbolicName() + " after it registered a hook", e);
            }
        }, "sandbox-hook-guard-stop-" + registrant.getBundleId());
        stopper.setDaemon(true);
        stopper.start();
    }
}
