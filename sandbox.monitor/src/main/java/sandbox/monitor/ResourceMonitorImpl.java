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
    private volatile long intervalNanos = TimeUnit.SECONDS.toNanos(1);
    private volatile boolean realTime = true;
    private final Cadence cadence = new Cadence();
    private Map<String, PluginInfo> infos = Map.of();
    private long infosRead = Long.MIN_VALUE;
    /** Bumped by every (re)configuration, so a tick of the previous chain does not book another one. */
    private int chain;

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
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(interval);
        realTime = config.realTime();
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
        int mine = ++chain;
        if (realTime) {
            periodic = executor.schedule(() -> tick(mine), 0, TimeUnit.MILLISECONDS);
        }
        system.start(executor, config.systemIntervalSeconds());
    }

    @Deactivate
    void deactivate() {
        system.stop();
        executor.shutdownNow();
    }

    /** Samples the plugins that are due, then books itself for the next one due. */
    private void tick(int mine) {
        long now = System.nanoTime();
        try {
            synchronized (this) {
                Map<String, PluginInfo> known = pluginInfos(now);
                check(sampler.sample(id -> cadence.due(id, now, interval(known.get(id)))), known);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "resource sample failed", e); // keep sampling: one bad tick must not end it
        } finally {
            reschedule(mine, now);
        }
    }

    private synchronized void reschedule(int mine, long lastTick) {
        if (mine != chain || !realTime || executor.isShutdown()) {
            return;
        }
        long now = System.nanoTime();
        // a plugin not sampled yet (its first thread may be short-lived) is looked for at its own cadence too
        long shortest = intervalNanos;
        for (PluginInfo info : infos.values()) {
            shortest = Math.min(shortest, interval(info));
        }
        long delay = cadence.untilNext(now, Math.max(0, lastTick + shortest - now));
        periodic = executor.schedule(() -> tick(mine), Math.max(delay, 100_000L), TimeUnit.NANOSECONDS);
    }

    private long interval(PluginInfo info) {
        if (info == null) {
            return intervalNanos;
        }
        if (!info.config().realTimeMonitoring()) {
            return Cadence.NEVER;
        }
        return Math.min(intervalNanos, info.config().checkInterval().toNanos());
    }

    /** The plugins' configurations, read at most once a second: limit changes apply within a second. */
    private Map<String, PluginInfo> pluginInfos(long now) {
        SandboxService service = sandbox;
        if (service == null) {
            return Map.of();
        }
        if (now - infosRead >= TimeUnit.SECONDS.toNanos(1) || infosRead == Long.MIN_VALUE) {
            Map<String, PluginInfo> read = new java.util.HashMap<>();
            for (PluginInfo info : service.plugins()) {
                read.put(info.id(), info);
            }
            infos = read;
            infosRead = now;
        }
        return infos;
    }

    @Override
    public synchronized List<ResourceUsage> sampleNow() {
        List<ResourceUsage> usages = sampler.sample();
        infosRead = Long.MIN_VALUE; // an on-demand sample sees the configurations as they are now
        check(usages, pluginInfos(System.nanoTime()));
        return usages;
    }

    private void check(List<ResourceUsage> usages, Map<String, PluginInfo> known) {
        long second = System.nanoTime() / 1_000_000_000L;
        List<ResourceEvent> events = new ArrayList<>();
        for (ResourceUsage usage : usages) {
            PluginInfo info = known.get(usage.pluginId());
            if (info != null) {
                long window = sampler.ledger(usage.pluginId()).windowSeconds(second);
                events.addAll(levels.check(usage.pluginId(), Measure.figures(usage, info.config().limits(), window),
                        thresholds, usage.sampledAt()));
            }
        }
        for (ResourceEvent event : events) {
            deliver(event, known.get(event.pluginId()));
        }
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
        for (String id : new java.util.TreeSet<>(sampler.seen())) {
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
