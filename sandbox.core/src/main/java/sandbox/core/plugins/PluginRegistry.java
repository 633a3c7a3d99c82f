package sandbox.core.plugins;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import sandbox.api.Plugin;
import sandbox.api.PluginInfo;
import sandbox.api.PluginPermissions;
import sandbox.core.config.GrantCoverage;

/**
 * Knows every plugin bundle (per {@link TrustedBundles}) and its {@link Plugin} service, and computes each plugin's
 * {@link PluginInfo} on demand, so a changed policy or bundle state is seen at once without cache invalidation.
 *
 * <p>Install-time reporting: a malformed {@value PluginPermissions#HEADER} header is logged as an error (the plugin
 * is FAILED and never executed), and permissions asked for but not covered by a grant ({@link #notGranted}) are
 * logged as a warning.
 */
@Component(service = PluginRegistry.class, immediate = true)
public final class PluginRegistry {
    private static final System.Logger LOG = System.getLogger("sandbox.core.plugins");
    private static final int LIVE_STATES = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.STOPPING | Bundle.ACTIVE;

    /** The operator's policy; {@link DefaultPluginPolicy} while none is registered. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginPolicyProvider policyProvider;

    private final Map<ServiceReference<Plugin>, PluginServiceObject> serviceObjects = new ConcurrentHashMap<>();
    private BundleContext context;
    private TrustedBundles trust;
    private BundleFailures failures;
    private BundleTracker<AtomicReference<RequestedPermissions>> bundles;
    private ServiceTracker<Plugin, ServiceReference<Plugin>> services;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        trust = TrustedBundles.of(bundleContext);
        failures = new BundleFailures(bundleContext);
        failures.open();
        bundles = new BundleTracker<>(bundleContext, LIVE_STATES, new PluginBundles());
        bundles.open();
        services = new ServiceTracker<>(bundleContext, Plugin.class, null) {
            @Override
            public ServiceReference<Plugin> addingService(ServiceReference<Plugin> reference) {
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Plugin> reference, ServiceReference<Plugin> tracked) {
                PluginServiceObject object = serviceObjects.remove(reference);
                if (object != null) {
                    object.release(context);
                }
            }
        };
        services.open();
    }

    @Deactivate
    void deactivate() {
        services.close();
        bundles.close();
        failures.close();
        serviceObjects.values().forEach(o -> o.release(context));
        serviceObjects.clear();
    }

    /** @return the trust rule in force */
    public TrustedBundles trust() {
        return trust;
    }

    /** @return the operator's policy, or the default one */
    public PluginPolicyProvider policy() {
        PluginPolicyProvider p = policyProvider;
        return p != null ? p : DefaultPluginPolicy.INSTANCE;
    }

    /** @return every plugin, sorted by id, then bundle id */
    public List<PluginView> views() {
        Map<Bundle, AtomicReference<RequestedPermissions>> tracked = bundles.getTracked();
        Map<Long, List<ServiceReference<Plugin>>> refsByBundle = new HashMap<>();
        ServiceReference<Plugin>[] refs = services.getServiceReferences();
        if (refs != null) {
            for (ServiceReference<Plugin> ref : refs) {
                Bundle owner = ref.getBundle();
                if (owner != null) {
                    refsByBundle.computeIfAbsent(owner.getBundleId(), k -> new ArrayList<>()).add(ref);
                }
            }
        }
        Map<String, List<Long>> bundlesById = new HashMap<>();
        tracked.keySet().forEach(b -> bundlesById.computeIfAbsent(String.valueOf(b.getSymbolicName()), k -> new ArrayList<>()).add(b.getBundleId()));
        List<PluginView> views = new ArrayList<>();
        tracked.forEach((bundle, requested) -> {
            List<Long> sharing = new ArrayList<>(bundlesById.get(String.valueOf(bundle.getSymbolicName())));
            sharing.remove(bundle.getBundleId());
            views.add(PluginViews.view(bundle, failures.lifeOf(bundle), requested.get(), policy(), sharing,
                    refsByBundle.getOrDefault(bundle.getBundleId(), List.of())));
        });
        views.sort(Comparator.comparing((PluginView v) -> v.info().id()).thenComparingLong(v -> v.info().bundleId()));
        return views;
    }

    /**
     * What a plugin asks for that its grants do not cover. A request covered by a broader grant ({@code cache/a.txt}
     * read under a {@code cache/**} read,write grant) is not missing; {@link PluginInfo#notGranted()} compares grants
     * exactly, so the container's reports (the install-time warning, {@code sandbox:list}) use this instead.
     *
     * @param requested what the plugin's header asks for
     * @param granted what the policy grants it
     * @return the requested grants no granted one covers, in header order
     */
    public static PluginPermissions notGranted(PluginPermissions requested, PluginPermissions granted) {
        return GrantCoverage.notGranted(requested, granted);
    }

    /** @return every plugin's API view, sorted by id */
    public List<PluginInfo> plugins() {
        return views().stream().map(PluginView::info).toList();
    }

    /** @return the plugin with this id; with several bundles sharing it, the first (all of them are FAILED) */
    public Optional<PluginView> view(String pluginId) {
        return views().stream().filter(v -> v.info().id().equals(pluginId)).findFirst();
    }

    /**
     * Gets the plugin's service object, creating its component if needed. Call this on the plugin's own thread.
     *
     * @param reference the READY plugin's service
     * @return the service object
     * @throws IllegalStateException when the service cannot be obtained
     */
    public Plugin serviceObject(ServiceReference<Plugin> reference) {
        return serviceObjects.computeIfAbsent(reference, PluginServiceObject::new).get(context);
    }

    private final class PluginBundles implements BundleTrackerCustomizer<AtomicReference<RequestedPermissions>> {
        @Override
        public AtomicReference<RequestedPermissions> addingBundle(Bundle bundle, BundleEvent event) {
            if (trust.isTrusted(bundle)) {
                return null;
            }
            RequestedPermissions requested = RequestedPermissions.parse(header(bundle));
            report(bundle, requested);
            return new AtomicReference<>(requested);
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, AtomicReference<RequestedPermissions> requested) {
            String header = header(bundle);
            if (!java.util.Objects.equals(header, requested.get().header())) {
                RequestedPermissions updated = RequestedPermissions.parse(header);
                requested.set(updated);
                report(bundle, updated);
            }
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, AtomicReference<RequestedPermissions> requested) {
            // nothing held per bundle beyond the tracker's own entry
        }
    }

    private static String header(Bundle bundle) {
        return bundle.getHeaders("").get(PluginPermissions.HEADER);
    }

    private void report(Bundle bundle, RequestedPermissions requested) {
        String who = "plugin " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId()
                + ", " + bundle.getLocation() + ")";
        if (!requested.valid()) {
            LOG.log(Level.ERROR, who + " is FAILED and will not be executed: " + requested.problem());
            return;
        }
        if (requested.permissions().isEmpty()) {
            return;
        }
        try {
            PluginPermissions missing = notGranted(requested.permissions(), policy().granted(bundle));
            if (!missing.isEmpty()) {
                LOG.log(Level.WARNING, who + " asks for permissions the policy does not grant; operations needing them "
                        + "will be denied: " + missing.toHeader());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, who + ": the policy could not say what it grants: " + e, e);
        }
    }
}
