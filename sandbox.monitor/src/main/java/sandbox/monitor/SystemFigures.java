package sandbox.monitor;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import sandbox.api.SystemUsage;

/**
 * Keeps the latest OSHI figures, read on the monitor's own thread: the first reading is started asynchronously
 * when the monitor activates (it is slow) and refreshed at an interval. If OSHI is missing or fails, the figures
 * stay empty and {@link #unavailable()} says why.
 */
final class SystemFigures {
    private final Clock clock;
    private volatile Optional<SystemUsage> latest = Optional.empty();
    private volatile String unavailable = "not read yet";
    /**
     * One probe per bundle activation, not per component activation: building it costs a few hundred ms, and the
     * component is re-activated whenever a static reference (the core's PluginActivity) comes back.
     */
    private static OshiProbe probe;
    private static volatile Optional<SystemUsage> lastKnown = Optional.empty();
    private ScheduledFuture<?> task;

    SystemFigures(Clock clock) {
        this.clock = clock;
        this.latest = lastKnown;
    }

    /** Schedules the first reading now and the next ones every {@code intervalSeconds}; 0 turns figures off. */
    synchronized void start(ScheduledExecutorService executor, int intervalSeconds) {
        stop();
        if (intervalSeconds <= 0) {
            unavailable = "turned off by configuration";
            latest = Optional.empty();
            return;
        }
        task = executor.scheduleWithFixedDelay(this::refresh, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    Optional<SystemUsage> latest() {
        return latest;
    }

    /** @return why there are no figures, or null when there are */
    String unavailable() {
        return latest.isPresent() ? null : unavailable;
    }

    private void refresh() {
        try {
            OshiProbe p;
            synchronized (SystemFigures.class) {
                if (probe == null) {
                    probe = new OshiProbe(clock);
                }
                p = probe;
            }
            latest = Optional.of(p.read());
            lastKnown = latest;
        } catch (LinkageError e) {
            unavailable = "OSHI is not installed (" + e + ")";
            stop();
        } catch (RuntimeException e) {
            unavailable = "OSHI failed: " + e;
        }
    }
}
