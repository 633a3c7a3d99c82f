package sandbox.core.runaway;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;

/**
 * One execution as the watchdog sees it: the execution's thread, the threads the plugin started during it, what
 * they have cost so far, and the verdict once a budget is broken. A run stays watched after its execution
 * returned while threads it started are alive ("tail"), so an unjoined busy thread is still held to the budget.
 */
public final class Run {
    final String pluginId;
    final PluginLimits limits;
    final boolean enforced;
    /** The plugin's live-thread quota ({@link ThreadQuota#quota}), the same figure the guard checks. */
    final int threadQuota;
    /**
     * The plugin's live threads (execution threads not counted) when the run began: the watchdog blames a run for
     * the quota only when the plugin owns more than this, i.e. when the run added threads, not for threads an earlier
     * execution left running (they are their own run's, and a policy change to STRICT must not end every execution).
     */
    volatile int threadsAtStart;
    /** How often the watchdog must look at this run: the plugin's {@code IsolationConfig.checkInterval}. */
    final long checkIntervalMillis;
    final Thread thread;
    final long startNanos;
    /**
     * Per thread: {cpu baseline, allocation baseline, last cpu, last allocation}. Written by the watchdog thread
     * only; read by whoever condemns the run (a tripped allocation check runs on the plugin's thread).
     */
    final Map<Thread, long[]> costs = new ConcurrentHashMap<>();

    volatile boolean ended;
    volatile PluginTerminatedError verdict;
    volatile long cpuNanos;
    volatile long allocatedBytes;
    volatile int peakThreads = 1;

    Run(String pluginId, PluginLimits limits, IsolationLevel level, long checkIntervalMillis, Thread thread, long cpuBase,
            long allocBase) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.enforced = level != IsolationLevel.MINIMAL;
        this.threadQuota = ThreadQuota.quota(level, limits);
        this.checkIntervalMillis = Math.max(1, checkIntervalMillis);
        this.thread = Objects.requireNonNull(thread, "thread");
        this.startNanos = System.nanoTime();
        costs.put(thread, new long[] {cpuBase, allocBase, cpuBase, allocBase});
    }

    /** @return the plugin executed */
    public String pluginId() {
        return pluginId;
    }

    /** @return the termination that ended the execution, or {@code null} while no budget is broken */
    public PluginTerminatedError verdict() {
        return verdict;
    }

    /** @return CPU time of the execution's threads, as of the watchdog's last look */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** @return bytes allocated by the execution's threads, as of the watchdog's last look */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** @return the most live threads seen at once, the execution's own included */
    public int peakThreads() {
        return peakThreads;
    }

    long wallNanos() {
        return System.nanoTime() - startNanos;
    }
}
