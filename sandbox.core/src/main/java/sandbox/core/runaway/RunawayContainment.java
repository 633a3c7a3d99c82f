package sandbox.core.runaway;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import sandbox.api.ViolationService;
import sandbox.core.accounting.PluginAccounts;

/**
 * The core's runaway containment, as an internal DS service: owns the {@link Containment} (and so the watchdog
 * thread) for the life of the core bundle, and stops a plugin's threads when its bundle is stopping.
 */
@Component(service = RunawayContainment.class, immediate = true)
public final class RunawayContainment {
    /** How long a stopping plugin's threads get to leave before they are reported as residue. */
    static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(RunawayContainment.class.getName());

    @Reference
    PluginAccounts accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ViolationService violations;

    private Containment containment;
    private BundleContext context;
    private final SynchronousBundleListener stopping = this::bundleChanged;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        SharedJdkPools.startOutsidePlugins();
        containment = new Containment(accounts.threads()::liveThreads, new RunawayReporter(v -> {
            ViolationService service = violations;
            if (service != null) {
                service.report(v);
            }
        }, this::versionOf), Duration.ofMillis(10));
        ThreadQuota.use(containment);
        context.addBundleListener(stopping);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(stopping);
        ThreadQuota.use(null);
        containment.close();
    }

    /** @return the containment the executor registers its runs with */
    public Containment containment() {
        return containment;
    }

    /**
     * Stops every thread the plugin owns (see {@link Containment#stop}); for recovery's STOP and QUARANTINE too.
     *
     * @return names of threads still alive after the wait, each also reported as a violation
     */
    public List<String> stopPlugin(String pluginId) {
        return containment.stop(pluginId, STOP_WAIT);
    }

    private void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.STOPPING) {
            return;
        }
        String pluginId = event.getBundle().getSymbolicName();
        if (pluginId == null || !accounts.threads().plugins().contains(pluginId)) {
            return; // never owned a thread: nothing to stop (trusted bundles never do)
        }
        List<String> residue = containment.stop(pluginId, STOP_WAIT);
        if (!residue.isEmpty()) {
            LOG.log(Level.ERROR, "plugin " + pluginId + " stopped with live threads " + residue);
        }
    }

    private String versionOf(String pluginId) {
        for (Bundle b : context.getBundles()) {
            if (pluginId.equals(b.getSymbolicName())) {
                return b.getVersion().toString();
            }
        }
        return "0.0.0";
    }
}
