package sandbox.itests.framework.hostile;

import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * E11: offers a {@code java.lang.Runnable} (a host interface) at the highest ranking there is, marked with
 * {@link #MARK}, hoping host code binds to it instead of the host's own.
 */
public final class RunnableRegistrar implements BundleActivator {
    /** Service property carrying the registering fixture's symbolic name. */
    public static final String MARK = "hostile.e11";

    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        props.put(MARK, ctx.getBundle().getSymbolicName());
        ctx.registerService(Runnable.class, new Noop(), props);
        Outcome.report(ctx, "register", "registered");
    }

    @Override
    public void stop(BundleContext ctx) {
    }

    /** What the host would run. */
    static final class Noop implements Runnable {
        @Override
        public void run() {
        }
    }
}
