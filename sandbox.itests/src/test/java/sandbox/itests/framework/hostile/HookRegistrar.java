package sandbox.itests.framework.hostile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * E3/E5: registers framework hooks. It needs no hook package import: a ServiceFactory passes Felix's class check by
 * name only, and Felix's HookRegistry adds it as a hook. Reports per hook whether the registration survived.
 */
public final class HookRegistrar implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        for (String hook : Outcome.header(ctx, "Hostile-Hooks").split(",")) {
            ServiceRegistration<?> reg = ctx.registerService(hook.trim(), new NullFactory(), null);
            String state;
            try {
                reg.getReference();
                state = "registered";
            } catch (IllegalStateException e) {
                state = "unregistered";
            }
            Outcome.report(ctx, hook.trim(), state);
        }
    }

    @Override
    public void stop(BundleContext ctx) {
    }

    /** Returns nothing, so even a surviving hook does no harm in the test. */
    static final class NullFactory implements ServiceFactory<Object> {
        @Override
        public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
            return null;
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        }
    }
}
