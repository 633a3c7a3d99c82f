package sandbox.itests.framework.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** E9/E12: looks up control services by name (no import of their packages is needed for that). */
public final class ServiceProbe implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        for (String name : Outcome.header(ctx, "Hostile-Services").split(",")) {
            Outcome.report(ctx, name.trim(), ctx.getServiceReference(name.trim()) != null ? "found" : "hidden");
        }
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
