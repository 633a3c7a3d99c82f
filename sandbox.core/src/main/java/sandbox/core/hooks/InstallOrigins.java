package sandbox.core.hooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import sandbox.api.PermissionKind;

/**
 * Remembers which bundles a plugin installed (E1), whether through its own context (the event's origin) or through
 * any other context with plugin code on the stack (a system bundle context obtained by E7, a deputy called
 * synchronously). Such a bundle may resolve only when the installing plugin holds
 * {@code framework;target=<new bundle's symbolic name>;actions=lifecycle}, and never when its location falls under a
 * trusted prefix: a plugin cannot mint infrastructure by choosing a location string.
 *
 * <p>Synchronous, so the decision is taken on the installing thread, before {@code installBundle} returns.
 * Kept in memory: after a framework restart the record is gone (see docs/framework-defences.md).
 */
final class InstallOrigins implements SynchronousBundleListener {
    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;
    private final Map<Long, String> refused = new ConcurrentHashMap<>();

    InstallOrigins(FrameworkPolicy policy, FrameworkViolations violations) {
        this.policy = policy;
        this.violations = violations;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle installed = event.getBundle();
        if (event.getType() == BundleEvent.UNINSTALLED) {
            refused.remove(installed.getBundleId());
            return;
        }
        if (event.getType() != BundleEvent.INSTALLED) {
            return;
        }
        Bundle installer = policy.plugin(event.getOrigin()) ? event.getOrigin() : violations.callingPlugin();
        if (installer == null) {
            return;
        }
        String target = installed.getLocation();
        Decision d;
        if (policy.trusted(installed)) {
            d = Decision.DENY; // location under a trusted prefix: never, whatever the grants
        } else {
            d = policy.decide(installer, PermissionKind.FRAMEWORK, "lifecycle", String.valueOf(installed.getSymbolicName()));
        }
        violations.report(installer, PermissionKind.FRAMEWORK, "BundleContext.installBundle", target, d);
        if (!d.allowed()) {
            refused.put(installed.getBundleId(), "installed by plugin " + installer.getSymbolicName() + " without the right");
        }
    }

    /** @return why this bundle may not resolve, or {@code null} when nothing is held against it */
    String refusal(Bundle bundle) {
        return refused.get(bundle.getBundleId());
    }
}
