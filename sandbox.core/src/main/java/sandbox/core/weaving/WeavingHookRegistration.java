package sandbox.core.weaving;

import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import sandbox.core.plugins.TrustedBundles;
import sandbox.core.policy.PolicyService;

/**
 * Registers the {@link SandboxWeavingHook} as a ready object once the policy service is there, and withdraws it
 * when the core stops. The hook ranks highest, so it sees each class before any other hook. Activation also starts
 * the {@link WeaverWarmUp} (framework property {@value WeaverWarmUp#PROPERTY}{@code =false} turns it off).
 */
@Component(immediate = true)
public final class WeavingHookRegistration {
    @Reference
    PolicyService policies;

    private ServiceRegistration<WeavingHook> registration;
    private WeaverWarmUp warmUp;

    @Activate
    void activate(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        props.put(Constants.SERVICE_DESCRIPTION, "Sandbox weaving guard and runaway containment");
        SandboxWeavingHook hook = new SandboxWeavingHook(policies, TrustedBundles.of(context));
        registration = context.registerService(WeavingHook.class, hook, props);
        if (!"false".equalsIgnoreCase(context.getProperty(WeaverWarmUp.PROPERTY))) {
            warmUp = hook.startWarmUp();   // off the start-up path: the core does not wait for it
        }
    }

    @Deactivate
    void deactivate() {
        if (warmUp != null) {
            warmUp.stop();
            warmUp = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
