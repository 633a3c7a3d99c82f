package sandbox.core.hooks;

import java.lang.System.Logger.Level;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import sandbox.api.PermissionKind;

/**
 * Bundles a plugin installs (E1), whether through its own context (the event's origin) or through any other context
 * with plugin code on the stack (a system bundle context obtained by E7, a deputy called synchronously). Such a
 * bundle stays only when the installing plugin holds {@code framework;target=<new bundle's symbolic name>;actions=lifecycle},
 * and never when its location falls under a trusted prefix: a plugin cannot mint infrastructure by choosing a location
 * string. A plugin extension bundle ({@code Fragment-Host: system.bundle; extension:=framework}) never stays (E6);
 * but Felix has attached it to the framework class loader and started its activator inside {@code installBundle},
 * before this listener runs, so only a framework with extension bundles disabled ({@code felix.extensions.disable},
 * set by the launcher) keeps one out: this uninstall is the second line.
 *
 * <p>Refused bundles are uninstalled on the installing thread, inside the synchronous INSTALLED event, so
 * {@code installBundle} hands the plugin an already uninstalled bundle. (Refusing them in
 * {@code ResolverHook.filterResolvable} instead is not safe on Felix 7: see {@link PluginResolverHook}.)
 */
final class InstallOrigins implements SynchronousBundleListener {
    private static final System.Logger LOG = System.getLogger("sandbox.core.hooks");
    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;

    InstallOrigins(FrameworkPolicy policy, FrameworkViolations violations) {
        this.policy = policy;
        this.violations = violations;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.INSTALLED) {
            return;
        }
        Bundle installed = event.getBundle();
        if (policy.plugin(installed) && isExtension(installed)) {
            Bundle who = policy.plugin(event.getOrigin()) ? event.getOrigin() : installed;
            violations.report(who, PermissionKind.FRAMEWORK, "Fragment-Host extension", String.valueOf(installed.getLocation()), Decision.DENY);
            refuse(installed);
            return;
        }
        Bundle installer = policy.plugin(event.getOrigin()) ? event.getOrigin() : violations.callingPlugin();
        if (installer == null) {
            return;
        }
        Decision d = policy.trusted(installed)
                ? Decision.DENY // location under a trusted prefix: never, whatever the grants
                : policy.decide(installer, PermissionKind.FRAMEWORK, "lifecycle", String.valueOf(installed.getSymbolicName()));
        violations.report(installer, PermissionKind.FRAMEWORK, "BundleContext.installBundle", installed.getLocation(), d);
        if (!d.allowed()) {
            refuse(installed);
        }
    }

    private static void refuse(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot uninstall refused bundle " + bundle.getLocation() + " at once (" + e + "); retrying");
            Thread t = new Thread(() -> {
                try {
                    bundle.uninstall();
                } catch (BundleException | RuntimeException again) {
                    LOG.log(Level.ERROR, "cannot uninstall refused bundle " + bundle.getLocation(), again);
                }
            }, "sandbox-refuse-" + bundle.getBundleId());
            t.setDaemon(true);
            t.start();
        }
    }

    private static boolean isExtension(Bundle b) {
        String host = b.getHeaders("").get(Constants.FRAGMENT_HOST);
        return host != null && host.contains(Constants.EXTENSION_DIRECTIVE);
    }
}
