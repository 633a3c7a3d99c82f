package sandbox.itests.framework.hostile;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** E2/E7/E8: which bundles can it get hold of (to stop them or take their context)? */
public final class BundleProbe implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        Outcome.report(ctx, "getBundles", Arrays.stream(ctx.getBundles()).map(Bundle::getSymbolicName)
                .collect(Collectors.toCollection(TreeSet::new)).toString());
        Bundle system = ctx.getBundle(0);
        Outcome.report(ctx, "getBundle(0)", system == null ? "hidden" : "found");
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
