package sandbox.core.runaway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that looks at every watched run at the shortest check interval of the runs
 * ({@code IsolationConfig.checkInterval}, default 10 ms; 1 ms while a run is past half of a budget): reads its threads' CPU and allocation
 * in bulk, compares them and the wall time with the run's budgets, and condemns a run that is over. The plugin's
 * poll then only reads the flag. It also attributes threads a plugin started to the run during which they appeared,
 * and lowers signals whose condemned threads have all died.
 */
final class Watchdog implements Runnable {
    private final Containment containment;
    private final ThreadCosts costs;
    /** The interval when no run asks for a shorter one (IsolationConfig's default, 10 ms). */
    private final long intervalMillis;
    /** Looks taken so far; tests watch it to see the cadence without timing anything. */
    private volatile long ticks;
    /** Set by a tick that saw a run past half of a budget: the next look comes after 1 ms, not a full interval. */
    private boolean close;
    private volatile boolean running = true;
    private final Thread thread;

    Watchdog(Containment containment, ThreadCosts costs, long intervalMillis) {
        this.containment = containment;
        this.costs = costs;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this, "sandbox-runaway-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        thread.start();
    }

    void close() {
        running = false;
        thread.interrupt();
    }

    /** A run began: look now, and from then on at its check interval if that is shorter than the current one. */
    void wake() {
        LockSupport.unpark(thread);
    }

    long ticks() {
        return ticks;
    }

    /**
     * @return milliseconds until the next look: the shortest check interval of the watched runs
     *         ({@code IsolationConfig.checkInterval}), the default when none is watched, 1 near a budget
     */
    long nextLookMillis() {
        if (close) {
            return 1;
        }
        long millis = Long.MAX_VALUE;
        for (Run run : containment.runs()) {
            millis = Math.min(millis, run.checkIntervalMillis);
        }
        return millis == Long.MAX_VALUE ? intervalMillis : millis;
    }

    @Override
    public void run() {
        while (running) {
            try {
                tick();
                // parked, not slept: a new run with a shorter interval wakes it (begin -> wake)
                LockSupport.parkNanos(this, nextLookMillis() * 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // One bad look must not end the watching: note it and carry on at the next tick.
                System.getLogger(Watchdog.class.getName()).log(System.Logger.Level.WARNING, "runaway watchdog tick failed", e);
            }
        }
    }

    /** One look at every run; package-private so tests can step the watchdog. */
    void tick() {
        ticks++;
        close = false;
        List<Run> runs = containment.runs();
        Set<Thread> executionThreads = new HashSet<>();
        runs.forEach(r -> executionThreads.add(r.thread));
        attribute(runs, executionThreads);
        List<Thread> watched = new ArrayList<>();
        runs.forEach(r -> watched.addAll(r.costs.keySet()));
        long[][] now = costs.read(watched);
        int i = 0;
        for (Run run : runs) {
            long cpu = 0;
            long allocated = 0;
            int live = 0;
            for (var entry : run.costs.entrySet()) {
                long[] c = entry.getValue();
                long readCpu = now[0][i];
                long readAlloc = now[1][i];
                i++;
                if (readCpu >= 0) {
                    c[2] = readCpu;
                }
                if (readAlloc >= 0) {
                    c[3] = readAlloc;
                }
                cpu += c[2] - c[0];
                allocated += c[3] - c[1];
                live += entry.getKey().isAlive() ? 1 : 0;
            }
            run.cpuNanos = cpu;
            run.allocatedBytes = allocated;
            run.peakThreads = Math.max(run.peakThreads, live);
            judge(run, cpu, allocated);
            armAllocationChecks(run, allocated);
            if (run.ended && live == 0) {
                containment.forget(run);
            }
        }
        // Report before sweeping: a thread that condemned itself (stack overflow, allocation tripwire) may already be
        // dead, and the sweep forgets dead threads with their termination.
        containment.reportNew();
        Condemned.sweep();
    }

    /** Threads of the plugin not yet watched belong to the newest unfinished run of the plugin (baseline zero: born during it). */
    private void attribute(List<Run> runs, Set<Thread> executionThreads) {
        Set<Thread> known = new HashSet<>();
        runs.forEach(r -> known.addAll(r.costs.keySet()));
        Set<String> plugins = new HashSet<>();
        runs.forEach(r -> plugins.add(r.pluginId));
        for (String plugin : plugins) {
            Run newest = newestRun(runs, plugin);
            for (Thread t : containment.liveThreads(plugin)) {
                if (!known.contains(t) && !executionThreads.contains(t)) {
                    newest.costs.put(t, new long[4]);
                    known.add(t);
                }
            }
        }
    }

    /** The newest unfinished run of the plugin; if none, the newest run still watched for its tail. */
    private static Run newestRun(List<Run> runs, String plugin) {
        Run newest = null;
        for (Run r : runs) {
            if (r.pluginId.equals(plugin) && (newest == null || (newest.ended && !r.ended)
                    || (newest.ended == r.ended && r.startNanos > newest.startNanos))) {
                newest = r;
            }
        }
        return newest;
    }

    /**
     * Past half of its allocation budget, each live thread of the run checks its own allocation at every poll, with
     * the rest of the budget as its limit: the run cannot get far past its budget between two looks.
     */
    private void armAllocationChecks(Run run, long allocated) {
        long budget = run.limits.allocatedBytes();
        if (run.verdict != null || !run.enforced || budget == Long.MAX_VALUE || allocated <= budget / 2) {
            return;
        }
        long rest = budget - allocated;
        for (var entry : run.costs.entrySet()) {
            Thread t = entry.getKey();
            if (t.isAlive() && !Condemned.armed(t) && !(run.ended && t == run.thread)) {
                long seen = entry.getValue()[3];
                Condemned.arm(t, new Condemned.Tripwire(seen + Math.max(0, rest), () -> containment.over(run, Budget.ALLOCATION,
                        "allocation over the budget of " + Figures.bytes(budget) + " (seen by the allocating thread)"),
                        run.pluginId));
            }
        }
    }

    private void judge(Run run, long cpu, long allocated) {
        if (run.verdict != null) {
            containment.condemnLateThreads(run);
            return;
        }
        var limits = run.limits;
        long wall = run.wallNanos();
        // Near a budget, look more often: a 10 ms interval lets an allocation bomb run ~30 MB past its budget.
        close |= cpu > limits.cpuTime().toNanos() / 2 || allocated > limits.allocatedBytes() / 4
                || (!run.ended && wall > limits.executionTime().toNanos() - run.checkIntervalMillis * 1_000_000);
        if (!run.ended && wall > limits.executionTime().toNanos()) {
            containment.over(run, Budget.TIMEOUT, Figures.over("wall time", Figures.seconds(wall), Figures.seconds(limits.executionTime())));
        } else if (cpu > limits.cpuTime().toNanos()) {
            containment.over(run, Budget.CPU, Figures.over("CPU time", Figures.seconds(cpu), Figures.seconds(limits.cpuTime())));
        } else if (allocated > limits.allocatedBytes()) {
            containment.over(run, Budget.ALLOCATION, Figures.over("allocation", Figures.bytes(allocated), Figures.bytes(limits.allocatedBytes())));
        } else {
            int threads = containment.pluginThreadCount(run.pluginId);
            if (threads > run.threadQuota && threads > run.threadsAtStart) {
                containment.over(run, Budget.THREADS, Figures.over("live threads", Integer.toString(threads), Integer.toString(run.threadQuota)));
            }
        }
    }
}
