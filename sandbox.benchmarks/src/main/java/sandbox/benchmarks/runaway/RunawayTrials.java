package sandbox.benchmarks.runaway;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;
import sandbox.core.accounting.ThreadOwnership;
import sandbox.core.runaway.Budget;
import sandbox.core.runaway.Containment;
import sandbox.core.runaway.PluginTerminatedError;
import sandbox.core.runaway.Run;
import sandbox.core.runaway.RunawayReporter;

/**
 * End-to-end runaway trials with the real watchdog (10 ms interval): how far past its budget a woven runaway gets
 * before it has stopped. CPU: overrun = the thread's CPU time when it stopped minus the budget (a spinning thread's
 * CPU time is its running time, so this is the time from budget exhaustion to stopped while it had a core).
 * Allocation: bytes allocated when it stopped, as a multiple of the budget. Prints median, p99 and max.
 *
 * <p>Run: {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.runaway.RunawayTrials [cpuTrials] [allocTrials]}
 */
public final class RunawayTrials {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String PLUGIN = "bench.trials";

    private RunawayTrials() {
    }

    public static void main(String[] args) throws Exception {
        int cpuTrials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int allocTrials = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ThreadOwnership ownership = new ThreadOwnership();
        try (Containment containment = new Containment(ownership::liveThreads,
                new RunawayReporter(v -> { }, id -> "0"), Duration.ofMillis(10))) {
            WeavingLoader loader = new WeavingLoader(PLUGIN);
            Runnable spinner = (Runnable) loader.instance("Spinner");
            Runnable bomb = (Runnable) loader.instance("AllocationBomb");
            Duration cpuBudget = Duration.ofMillis(20);
            for (int i = 0; i < 5; i++) { // warm-up, not counted: class loading and JIT of the poll and watchdog
                trial(containment, ownership, spinner, limits().cpuTime(cpuBudget).build(), Budget.CPU);
                trial(containment, ownership, bomb, limits().allocatedBytes(64L << 20).build(), Budget.ALLOCATION);
            }
            List<Double> overrunsMs = new ArrayList<>();
            for (int i = 0; i < cpuTrials; i++) {
                long[] used = trial(containment, ownership, spinner,
                        limits().cpuTime(cpuBudget).build(), Budget.CPU);
                overrunsMs.add((used[0] - cpuBudget.toNanos()) / 1e6);
            }
            long allocBudget = 64L << 20;
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < allocTrials; i++) {
                long[] used = trial(containment, ownership, bomb, limits().allocatedBytes(allocBudget).build(), Budget.ALLOCATION);
                ratios.add(used[1] / (double) allocBudget);
                System.gc();
            }
            print("CPU budget 20 ms: time past the budget until stopped (ms of CPU)", overrunsMs);
            print("allocation budget 64 MiB: allocated when stopped / budget", ratios);
        }
    }

    private static PluginLimits.Builder limits() {
        return PluginLimits.builder().executionTime(Duration.ofMinutes(1)).cpuTime(Duration.ofMinutes(1))
                .allocatedBytes(Long.MAX_VALUE);
    }

    /** @return {cpu nanos, allocated bytes} of the trial's thread from its start to when it stopped */
    private static long[] trial(Containment containment, ThreadOwnership ownership, Runnable body, PluginLimits limits,
                                Budget expected) throws InterruptedException {
        long[] used = new long[2];
        PluginTerminatedError[] ending = new PluginTerminatedError[1];
        Thread thread = new Thread(ownership.groupOf(PLUGIN), () -> {
            long cpu0 = BEAN.getCurrentThreadCpuTime();
            long alloc0 = BEAN.getCurrentThreadAllocatedBytes();
            try {
                body.run();
            } catch (PluginTerminatedError e) {
                ending[0] = e;
            } finally {
                used[0] = BEAN.getCurrentThreadCpuTime() - cpu0;
                used[1] = BEAN.getCurrentThreadAllocatedBytes() - alloc0;
            }
        }, "trial");
        Run run = containment.begin(PLUGIN, limits, IsolationLevel.STANDARD, thread);
        thread.start();
        thread.join();
        containment.end(run);
        if (ending[0] == null || ending[0].budget() != expected) {
            throw new IllegalStateException("trial ended with " + ending[0] + ", expected " + expected);
        }
        return used;
    }

    private static void print(String title, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s, %d trials: median %.2f, p99 %.2f, max %.2f%n", title, sorted.size(),
                at(sorted, 0.5), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
