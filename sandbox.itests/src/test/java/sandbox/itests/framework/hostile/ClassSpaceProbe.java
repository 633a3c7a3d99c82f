package sandbox.itests.framework.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** E10: with {@code DynamicImport-Package: *}, loads the classes named in its header through its own loader. */
public final class ClassSpaceProbe implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        for (String name : Outcome.header(ctx, "Hostile-Classes").split(",")) {
            String result;
            try {
                Class.forName(name.trim(), false, ClassSpaceProbe.class.getClassLoader());
                result = "loaded";
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                result = "denied: " + e;
            }
            Outcome.report(ctx, name.trim(), result);
        }
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
