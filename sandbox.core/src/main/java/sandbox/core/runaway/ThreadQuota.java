package sandbox.core.runaway;

import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;

/**
 * THE live-thread quota of a plugin, decided in one place for the thread-creation guard (before a plugin starts a
 * thread) and the watchdog (which also counts threads started where no guard sees it, inside JDK code).
 *
 * <p>The quota is {@code PluginLimits.maxThreads}, at STRICT at most {@value #STRICT_CAP}; the plugin's execution
 * threads are not counted. A {@code thread} grant does not lift it: the quota is a budget the operator sets in the
 * limits, like CPU time, not a permission; an operator who wants more threads raises {@code maxThreads}.
 * Over the quota during an execution, the execution ends as THREADS_EXCEEDED (a THREADS violation); outside one,
 * the guard denies the start (a THREAD violation). Static because the guard is reached from woven plugin code
 * through static calls; the core's {@link RunawayContainment} sets the instance in use.
 */
public final class ThreadQuota {
    /** The quota at STRICT is at most this, whatever the limits say ("no threads beyond a small quota"). */
    public static final int STRICT_CAP = 2;
    private static volatile Containment current;

    private ThreadQuota() {
    }

    static void use(Containment containment) {
        current = containment;
    }

    /** @return the live-thread quota for a plugin at {@code level} with {@code limits} */
    public static int quota(IsolationLevel level, PluginLimits limits) {
        int max = limits.maxThreads();
        return level.atLeast(IsolationLevel.STRICT) ? Math.min(max, STRICT_CAP) : max;
    }

    /**
     * @param pluginId the plugin about to start a thread
     * @param config its isolation configuration
     * @return whether it may: it owns fewer live threads than its quota. Fails closed: without runaway containment
     *         (the thread ledger) no thread is admitted.
     */
    public static boolean admits(String pluginId, IsolationConfig config) {
        Containment containment = current;
        return containment != null && containment.admitsThread(pluginId, quota(config.level(), config.limits()));
    }

    /**
     * Called by the guard when {@link #admits} said no at an enforced level.
     *
     * @throws PluginTerminatedError when an execution of the plugin is running: it ends with THREADS_EXCEEDED and
     *         its threads are stopped. Returns when there is none; the guard then denies the start.
     */
    public static void refuse(String pluginId, IsolationConfig config) {
        Containment containment = current;
        if (containment != null) {
            containment.overThreadQuota(pluginId, quota(config.level(), config.limits()));
        }
    }
}
