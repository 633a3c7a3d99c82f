package sandbox.benchmarks.enforcement;

import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.condpermadmin.ConditionalPermissionAdmin;
import org.osgi.service.condpermadmin.ConditionalPermissionUpdate;

/**
 * The Conditional Permission Admin table of the SecurityManager run: the bench bundle gets exactly what its two
 * operations and its activator need; every other bundle keeps AllPermission. Loaded only after the framework
 * started, when the security extension has put {@code org.osgi.service.condpermadmin} on the class path.
 */
final class CpaRules {
    private static final String LOCATION = "org.osgi.service.condpermadmin.BundleLocationCondition";

    private CpaRules() {
    }

    static void grant(BundleContext context, String benchLocation, Path file, int port) {
        ServiceReference<ConditionalPermissionAdmin> ref = context.getServiceReference(ConditionalPermissionAdmin.class);
        if (ref == null) {
            throw new IllegalStateException("no ConditionalPermissionAdmin: the framework.security extension is not active");
        }
        ConditionalPermissionAdmin cpa = context.getService(ref);
        ConditionalPermissionUpdate update = cpa.newConditionalPermissionUpdate();
        List<org.osgi.service.condpermadmin.ConditionalPermissionInfo> rows = update.getConditionalPermissionInfos();
        rows.clear();
        rows.add(cpa.newConditionalPermissionInfo("ALLOW { [" + LOCATION + " \"" + benchLocation + "\"]"
                + " (java.io.FilePermission \"" + file + "\" \"read\")"
                + " (java.net.SocketPermission \"127.0.0.1:" + port + "\" \"connect,resolve\")"
                + " (java.util.PropertyPermission \"bench.*\" \"read\")"
                + " (org.osgi.framework.PackagePermission \"*\" \"import\")"
                + " (org.osgi.framework.ServicePermission \"java.util.function.LongSupplier\" \"register\")"
                + " } \"bench-plugin\""));
        rows.add(cpa.newConditionalPermissionInfo("ALLOW { [" + LOCATION + " \"" + benchLocation + "\" \"!\"]"
                + " (java.security.AllPermission) } \"all-other-bundles\""));
        if (!update.commit()) {
            throw new IllegalStateException("the Conditional Permission Admin table changed underneath; not committed");
        }
    }
}
