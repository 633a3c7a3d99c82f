package sandbox.monitor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import sandbox.api.PluginActivity;
import sandbox.api.PluginInfo;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;
import sandbox.api.ResourceListener;
import sandbox.api.ResourceMonitor;
import sandbox.api.ResourceUsage;
import sandbox.api.SandboxService;
import sandbox.api.SystemUsage;
import sandbox.api.ViolationService;

/**
 * The resource monitor: samples every plugin on its own thread at the configured interval, checks the figures
 * against each plugin's limits (from {@link SandboxService#plugins()}), and reports threshold crossings to
 * {@link ResourceListener}s (Event Admin through {@link ResourceEventPublisher}) and rises as violations to the
 * {@link ViolationService}. Without the sandbox service nothing has limits; without the violation service
 * crossings still reach listeners. Immediate: it samples whether or not anyone holds the service (a delayed
 * component would be deactivated, its sampling stopped and its totals lost, whenever the last user let go).
 */
@Component(service = ResourceMonitor.class, configurationPid = ResourceMonitorImpl.PID, immediate = true)
@Designate(ocd = MonitorConfig.class)
public class ResourceMonitorImpl implements ResourceMonitor {
    static final String PID = "sandbox.monitor";
    private static final System.Logger LOG = System.getLogger(ResourceMonitorImpl.class.getName());

    @Reference
    PluginActivity activity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SandboxService sandbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ViolationService violations;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    final List<ResourceListener> listeners = new CopyOnWriteArrayList<>();

    private final Clock clock = Clock.systemUTC();
    private final LevelTracker levels = new LevelTracker();
    private final SystemFigures system = new SystemFigures(clock);
    private Sampler sampler;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> periodic;
    private volatile Thresholds thresholds = new Thresholds(80, 100);

    @Activate
    void activate(MonitorConfig config) {
        sampler = new Sampler(activity, new MxThreadReadings(), clock);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-monitor");
            t.setDaemon(true);
            return t;
        });
        modified(config);
    }

    @Modified
    synchronized void modified(MonitorConfig config) {
        thresholds = new Thresholds(config.warningPercent(), config.errorPercent());
        long interval = config.intervalMillis();
        if (interval < 1 || interval > 60_000) {
            throw new IllegalArgumentException("sandbox.monitor intervalMillis must be 1..60000, was " + interval);
        }
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
        if (config.realTime()) {
            periodic = executor.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        }
        system.start(executor, config.systemIntervalSeconds());
    }

    @Deactivate
    void deactivate() {
        system.stop();
        executor.shutdownNow();
    }

    private void tick() {
        try {
            sampleNow();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "resource sample failed", e); // keep sampling: one bad tick must not end it
        }
    }

    @Override
    public synchronized List<ResourceUsage> sampleNow() {
        List<ResourceUsage> usages = sampler.sample();
        SandboxService service = sandbox;
        if (service == null) {
            return usages;
        }
        Map<String, PluginInfo> infos = new java.util.HashMap<>();
        for (PluginInfo info : service.plugins()) {
            infos.put(info.id(), info);
        }
        long second = System.nanoTime() / 1_000_000_000L;
        List<ResourceEvent> events = new ArrayList<>();
        for (ResourceUsage usage : usages) {
            PluginInfo info = infos.get(usage.pluginId());
            if (info != null && info.config().realTimeMonitoring()) {
                long window = sampler.ledger(usage.pluginId()).windowSeconds(second);
                events.addAll(levels.check(usage.pluginId(), Measure.figures(usage, info.config().limits(), window),
                        thresholds, usage.sampledAt()));
            }
        }
        for (ResourceEvent event : events) {
            deliver(event, infos.get(event.pluginId()));
        }
        return usages;
    }

    private void deliver(ResourceEvent event, PluginInfo info) {
        ViolationService v = violations;
        if (event.rising() && v != null) {
            v.report(ViolationReports.of(event, info));
        }
        for (ResourceListener listener : listeners) {
            try {
                listener.resourceChanged(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "resource listener " + listener + " failed on " + event, e);
            }
        }
    }

    @Override
    public Optional<ResourceUsage> usage(String pluginId) {
        PluginLedger ledger = sampler.ledger(pluginId);
        return ledger == null ? Optional.empty() : Optional.ofNullable(ledger.latest());
    }

    @Override
    public List<ResourceUsage> snapshot() {
        List<ResourceUsage> all = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(activity.plugins())) {
            usage(id).ifPresent(all::add);
        }
        return all;
    }

    @Override
    public Map<ResourceKind, ResourceLevel> levels(String pluginId) {
        return levels.levels(pluginId);
    }

    @Override
    public Optional<SystemUsage> system() {
        return system.latest();
    }

    /** @return why {@link #system()} is empty, or null */
    String systemUnavailable() {
        return system.unavailable();
    }
}
