package sandbox.core.hooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import sandbox.api.ViolationService;
import sandbox.core.config.PolicyChangeListener;
import sandbox.core.plugins.PluginPolicyProvider;
import sandbox.core.plugins.TrustedBundles;

/**
 * The framework-level defences (design layer 1), registered together when sandbox.core starts: the resolver hook,
 * service and bundle hooks, the install-origin and hook-registration listeners. It has no mandatory reference, so
 * it activates as early as DS allows; policy and violation service are picked up when they come (until then the
 * default policy applies and denials are only logged). Plugins resolved before it existed are refreshed (E13).
 */
@Component(service = PolicyChangeListener.class, immediate = true)
public final class FrameworkDefences implements PolicyChangeListener {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginPolicyProvider policyProvider;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ViolationService violationService;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private BundleContext context;
    private InstallOrigins origins;
    private HookRegistrationGuard hookGuard;
    private FrameworkViolations violations;
    private ClassSpaceReconciler reconciler;
    private ServiceTracker<WeavingHook, ServiceReference<WeavingHook>> weaver;

    @Activate
    void activate(BundleContext bundleContext) throws InvalidSyntaxException {
        context = bundleContext;
        FrameworkPolicy policy = new FrameworkPolicy(TrustedBundles.of(bundleContext), () -> policyProvider);
        violations = new FrameworkViolations(() -> violationService, policy::plugin);
        origins = new InstallOrigins(policy, violations);
        hookGuard = new HookRegistrationGuard(policy, violations);
        bundleContext.addBundleListener(origins);
        bundleContext.addServiceListener(hookGuard, HookRegistrationGuard.filter());
        PluginResolverHook resolverHook = new PluginResolverHook(policy, violations, bundleContext.getBundle());
        PluginServiceHooks serviceHooks = new PluginServiceHooks(policy, violations, bundleContext.getBundle());
        PluginBundleHooks bundleHooks = new PluginBundleHooks(policy, violations);
        registrations.add(bundleContext.registerService(ResolverHookFactory.class, triggers -> resolverHook, null));
        registrations.add(bundleContext.registerService(new String[] {
                org.osgi.framework.hooks.service.FindHook.class.getName(),
                org.osgi.framework.hooks.service.EventListenerHook.class.getName()}, serviceHooks, null));
        registrations.add(bundleContext.registerService(new String[] {
                org.osgi.framework.hooks.bundle.FindHook.class.getName(),
                org.osgi.framework.hooks.bundle.EventHook.class.getName()}, bundleHooks, null));
        FrameworkWiring wiring = bundleContext.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        reconciler = new ClassSpaceReconciler(wiring, policy, resolverHook);
        reconciler.refreshResolvedPlugins(bundleContext.getBundles(), "they resolved before the sandbox's hooks existed");
        trackOwnWeaver(bundleContext);
        warnIfExtensionBundlesAreEnabled();
    }

    /**
     * Felix attaches an extension bundle to its own class loader and starts its activator inside
     * {@code installBundle}, before {@link InstallOrigins} hears of it (E6): only a framework launched with
     * {@code felix.extensions.disable=true} (the launcher sets it) keeps plugin extension bundles out.
     */
    private static void warnIfExtensionBundlesAreEnabled() {
        if (!"true".equalsIgnoreCase(System.getProperty(EXTENSIONS_DISABLE))) {
            System.getLogger("sandbox.core.hooks").log(System.Logger.Level.WARNING, "framework extension bundles are "
                    + "enabled (JVM property " + EXTENSIONS_DISABLE + " is not true): a plugin jar with Fragment-Host: "
                    + "system.bundle; extension:=framework joins the framework class path and runs its activator unwoven "
                    + "before the sandbox can uninstall it");
        }
    }

    /** Felix's switch for extension bundles, read once per JVM ({@code FelixConstants.FELIX_EXTENSIONS_DISABLE}). */
    static final String EXTENSIONS_DISABLE = "felix.extensions.disable";

    /** Once the core's own weaving hook appears, plugins resolved before it must define their classes again. */
    private void trackOwnWeaver(BundleContext bundleContext) throws InvalidSyntaxException {
        String own = "(" + Constants.SERVICE_BUNDLEID + "=" + bundleContext.getBundle().getBundleId() + ")";
        String filter = "(&(" + Constants.OBJECTCLASS + "=" + WeavingHook.class.getName() + ")" + own + ")";
        boolean[] present = {!bundleContext.getServiceReferences(WeavingHook.class, own).isEmpty()};
        weaver = new ServiceTracker<>(bundleContext, bundleContext.createFilter(filter), null) {
            @Override
            public ServiceReference<WeavingHook> addingService(ServiceReference<WeavingHook> reference) {
                if (!present[0]) {
                    present[0] = true;
                    reconciler.refreshResolvedPlugins(context.getBundles(), "they resolved before the sandbox's weaving hook existed");
                }
                return reference; // never getService: that would activate the weaver's component mid-class-load
            }
        };
        weaver.open();
    }

    @Deactivate
    void deactivate() {
        weaver.close();
        context.removeServiceListener(hookGuard);
        context.removeBundleListener(origins);
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        registrations.clear();
    }

    @Override
    public void policyChanged(Collection<Bundle> affected) {
        violations.forget();
        reconciler.policyChanged(affected);
    }
}
