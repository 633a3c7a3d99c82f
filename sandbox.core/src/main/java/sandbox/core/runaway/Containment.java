package sandbox.core.runaway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;

/**
 * Runaway containment for the executor and the guards: register an execution ({@link #begin}), learn how it ended
 * ({@link #end}), decide the thread quota for {@link ThreadQuota}, and stop all
 * of a plugin's threads ({@link #stop}). Owns the watchdog thread; {@link #close} ends it.
 */
public final class Containment implements AutoCloseable {
    private final Function<String, List<Thread>> liveThreads;
    private final RunawayReporter reporter;
    private final ThreadCosts costs = new ThreadCosts();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final Watchdog watchdog;

    /**
     * @param liveThreads the live threads a plugin owns (ThreadOwnership::liveThreads)
     * @param reporter where violations and residue go
     * @param interval how often the watchdog looks
     */
    public Containment(Function<String, List<Thread>> liveThreads, RunawayReporter reporter, Duration interval) {
        this.liveThreads = liveThreads;
        this.reporter = reporter;
        this.watchdog = new Watchdog(this, costs, Math.max(1, interval.toMillis()));
        // Load and initialise everything the poll's slow path touches now, not with the plugin's stack nearly full
        // (done already if a woven class initialised Poll first).
        Condemned.warmUp();
        watchdog.start();
    }

    /**
     * Starts watching an execution at the default check interval; see {@link #begin(String, IsolationConfig, Thread)}.
     */
    public Run begin(String pluginId, PluginLimits limits, IsolationLevel level, Thread executionThread) {
        return begin(pluginId, new IsolationConfig(level, limits, true, IsolationConfig.DEFAULTS.checkInterval()),
                executionThread);
    }

    /**
     * Starts watching an execution; call on or before its thread runs plugin code.
     *
     * @param pluginId the plugin
     * @param config its budgets, its level (MINIMAL measures and reports without stopping) and how often the
     *        watchdog looks ({@code checkInterval})
     * @param executionThread the thread that runs {@code Plugin.execute}
     * @return the run, to hand to {@link #end}
     */
    public Run begin(String pluginId, IsolationConfig config, Thread executionThread) {
        PluginLimits limits = config.limits();
        Run run = new Run(pluginId, limits, config.level(), config.checkInterval().toMillis(), executionThread,
                costs.cpu(executionThread), costs.allocated(executionThread));
        run.threadsAtStart = pluginThreadCount(pluginId);
        runs.add(run);
        Condemned.prepareStackOverflow(executionThread, new PluginTerminatedError(Budget.STACK_DEPTH, pluginId,
                "plugin " + pluginId + ": " + StackDepth.message(limits.maxStackDepth())));
        watchdog.wake();
        return run;
    }

    /**
     * The execution returned or threw. Threads it started stay watched against its budgets until they end.
     *
     * @return the termination that ended it, or {@code null} when no budget was broken
     */
    public PluginTerminatedError end(Run run) {
        run.ended = true;
        Condemned.disarm(run.thread);
        Condemned.forgetStackOverflow(run.thread);
        PluginTerminatedError verdict = run.verdict;
        if (verdict == null) {
            PluginTerminatedError own = Condemned.of(run.thread);
            verdict = own != null && own.pluginId().equals(run.pluginId) ? own : null;
        }
        return verdict;
    }

    /**
     * The quota decision (see {@link ThreadQuota}): may the plugin start one more thread?
     *
     * @param quota the plugin's live-thread quota ({@link ThreadQuota#quota})
     */
    boolean admitsThread(String pluginId, int quota) {
        return pluginThreadCount(pluginId) < quota;
    }

    /**
     * A plugin thread tried to start a thread over the quota at an enforced level: the plugin's current execution
     * (the calling thread's own, else the plugin's newest unfinished one) ends as {@link Budget#THREADS}, its threads
     * are condemned and interrupted, and the termination is thrown to the caller. Without an unfinished enforced
     * execution to blame (a thread started from an activator, or after the execution returned) this returns, and the
     * caller denies the start as before.
     *
     * @throws PluginTerminatedError the execution's THREADS termination
     */
    void overThreadQuota(String pluginId, int quota) {
        int live = pluginThreadCount(pluginId);
        String message = Figures.over("live threads", Integer.toString(live + 1), Integer.toString(quota));
        Thread current = Thread.currentThread();
        Run blamed = null;
        for (Run run : runs) {
            if (run.pluginId.equals(pluginId) && !run.ended) {
                if (run.thread == current || blamed == null || blamed.thread != current && run.startNanos > blamed.startNanos) {
                    blamed = run; // the current thread's own execution, else the plugin's newest one
                }
            }
        }
        if (blamed == null || !blamed.enforced) {
            return;
        }
        over(blamed, Budget.THREADS, message);
        PluginTerminatedError verdict = blamed.verdict;
        // Condemned only when the caller is the plugin's own thread: a host thread running a plugin callback is not.
        if (current == blamed.thread || liveThreads.apply(pluginId).contains(current)) {
            verdict = Condemned.condemn(current, verdict);
        }
        throw verdict;
    }

    /**
     * Stops every thread the plugin owns: condemns them (their next poll throws), interrupts them (so sleep, wait and
     * interruptible I/O return) and waits up to {@code wait} for them to end. Threads still alive then are reported.
     *
     * @return the names of the threads still alive after the wait (empty when the plugin owns no live thread)
     */
    public List<String> stop(String pluginId, Duration wait) {
        PluginTerminatedError error = new PluginTerminatedError(Budget.KILLED, pluginId, "plugin " + pluginId + " is being stopped");
        for (Run run : runs) {
            if (run.pluginId.equals(pluginId) && run.verdict == null) {
                run.verdict = error;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Thread self = Thread.currentThread();
        List<Thread> left;
        do {
            left = new ArrayList<>(liveThreads(pluginId));
            left.remove(self);
            for (Thread t : left) {
                Condemned.condemn(t, error);
                t.interrupt();
            }
            for (Thread t : left) {
                join(t, Math.min(10, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
            left.removeIf(t -> !t.isAlive());
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        List<String> names = new ArrayList<>();
        for (Thread t : left) {
            names.add(t.getName());
            reporter.residue(pluginId, t);
        }
        return names;
    }

    /** @return the unfinished run whose execution thread is {@code thread}, or {@code null} */
    public Run runOf(Thread thread) {
        for (Run run : runs) {
            if (run.thread == thread && !run.ended) {
                return run;
            }
        }
        return null;
    }

    /**
     * The executor saw a budget broken (its wall-time watch): same as the watchdog's decision, and whichever
     * decides first wins.
     *
     * @return the termination in force for the run (perhaps an earlier one for another budget)
     */
    public PluginTerminatedError overBudget(Run run, Budget budget, String message) {
        over(run, budget, message);
        return run.verdict;
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /** @return looks the watchdog has taken, for tests of its cadence */
    long watchdogTicks() {
        return watchdog.ticks();
    }

    /** @return the watchdog's next interval now, for tests */
    long watchdogInterval() {
        return watchdog.nextLookMillis();
    }

    /** Steps the watchdog once, for tests that must not depend on timing. */
    void tick() {
        watchdog.tick();
    }

    List<Run> runs() {
        return new ArrayList<>(runs);
    }

    void forget(Run run) {
        runs.remove(run);
        run.costs.keySet().forEach(Condemned::disarm);
    }

    List<Thread> liveThreads(String pluginId) {
        List<Thread> result = new ArrayList<>(liveThreads.apply(pluginId));
        for (Thread t : Condemned.threadsOf(pluginId)) {
            if (!result.contains(t)) {
                result.add(t);
            }
        }
        return result;
    }

    /** @return the plugin's live threads, its execution threads not counted (as PluginLimits.maxThreads says) */
    int pluginThreadCount(String pluginId) {
        List<Thread> live = liveThreads.apply(pluginId);
        int count = live.size();
        for (Run run : runs) {
            if (run.pluginId.equals(pluginId) && !run.ended && live.contains(run.thread)) {
                count--;
            }
        }
        return count;
    }

    /** A run broke a budget: record the verdict; when enforced, condemn and interrupt its threads. */
    void over(Run run, Budget budget, String message) {
        PluginTerminatedError error = new PluginTerminatedError(budget, run.pluginId, "plugin " + run.pluginId + ": " + message);
        synchronized (run) {
            if (run.verdict != null) {
                return;
            }
            run.verdict = error;
        }
        if (!run.enforced) {
            reporter.measured(error);
            return;
        }
        condemnLateThreads(run);
    }

    /** Condemns and interrupts the run's live threads that are not condemned yet (started after the verdict). */
    void condemnLateThreads(Run run) {
        PluginTerminatedError error = run.verdict;
        if (error == null || !run.enforced) {
            return;
        }
        for (Thread t : new ArrayList<>(run.costs.keySet())) {
            if (t.isAlive() && !(run.ended && t == run.thread) && Condemned.of(t) == null) {
                Condemned.condemn(t, error);
                t.interrupt();
            }
        }
    }

    void reportNew() {
        for (PluginTerminatedError error : Condemned.unreported()) {
            reporter.enforced(error);
        }
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
