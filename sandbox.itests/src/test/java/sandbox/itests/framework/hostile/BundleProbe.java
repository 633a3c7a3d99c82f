package sandbox.itests.framework.hostile;

import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * E2/E7/E8: which bundles can it get hold of (to stop them or take their context)? Plain loops, no lambdas: the
 * fixture must make exactly the framework calls under test and nothing else the weaving guard might judge.
 */
public final class BundleProbe implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        TreeSet<String> names = new TreeSet<>();
        for (Bundle b : ctx.getBundles()) {
            names.add(String.valueOf(b.getSymbolicName()));
        }
        Outcome.report(ctx, "getBundles", names.toString());
        Bundle system = ctx.getBundle(0);
        Outcome.report(ctx, "getBundle(0)", system == null ? "hidden" : "found");
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
