package sandbox.monitor;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import sandbox.core.accounting.PluginAccounts;

/**
 * What the resource monitor costs: the sampler's own CPU time, as a share of one core, while it samples
 * {@code plugins × threadsPerPlugin} live plugin threads at a given rate; and the heap it holds per plugin.
 * Uses the core's real ledger and the monitor's real sampler, on one thread like the component.
 *
 * <pre>java -cp ... sandbox.monitor.MonitorCostBench [plugins=10] [threadsPerPlugin=100] [seconds=20] [rates=1,100]</pre>
 */
public final class MonitorCostBench {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private MonitorCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int plugins = arg(args, 0, 10);
        int threadsPerPlugin = arg(args, 1, 100);
        int seconds = arg(args, 2, 20);
        String[] rates = args.length > 3 ? args[3].split(",") : new String[] {"1", "100"};
        System.out.printf(Locale.ROOT, "java %s, %d cores; %d plugins x %d threads = %d parked plugin threads%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), plugins, threadsPerPlugin,
                plugins * threadsPerPlugin);

        PluginAccounts accounts = new PluginAccounts();
        CountDownLatch end = new CountDownLatch(1);
        List<Thread> threads = startThreads(accounts, plugins, threadsPerPlugin, end);
        for (String rate : rates) {
            cpuCost(accounts, Integer.parseInt(rate.strip()), seconds);
        }
        bulkReadsAlone(threads);
        memoryPerPlugin(plugins, threadsPerPlugin);
        end.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void cpuCost(PluginAccounts accounts, int hz, int seconds) {
        Sampler sampler = new Sampler(accounts, new MxThreadReadings(), Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
            sampler.sample(); // warm-up: JIT, maps sized
        }
        long period = 1_000_000_000L / hz;
        long cpuStart = MX.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long next = wallStart;
        int samples = 0;
        while (System.nanoTime() - wallStart < seconds * 1_000_000_000L) {
            sampler.sample();
            samples++;
            next += period;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(sleep);
            }
        }
        long cpu = MX.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        System.out.printf(Locale.ROOT, "%3d Hz: %d samples in %.1f s, sampler CPU %.3f %% of one core, %.0f us CPU per sample%n",
                hz, samples, wall / 1e9, 100.0 * cpu / wall, cpu / 1e3 / samples);
    }

    /** The part of a sample that is the JVM's: the two bulk ThreadMXBean calls over every thread id. */
    private static void bulkReadsAlone(List<Thread> threads) {
        long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
        long[] cpu = new long[ids.length];
        long[] alloc = new long[ids.length];
        MxThreadReadings readings = new MxThreadReadings();
        for (int i = 0; i < 200; i++) {
            readings.read(ids, cpu, alloc);
        }
        int rounds = 1000;
        long start = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            readings.read(ids, cpu, alloc);
        }
        System.out.printf(Locale.ROOT, "bulk reads alone (getThreadCpuTime + getThreadAllocatedBytes, %d ids): %.0f us CPU per sample%n",
                ids.length, (MX.getCurrentThreadCpuTime() - start) / 1e3 / rounds);
    }

    /** Heap held by the sampler per plugin after its minute windows have filled (61 one-second slots). */
    private static void memoryPerPlugin(int plugins, int threadsPerPlugin) throws Exception {
        PluginAccounts accounts = new PluginAccounts();
        CountDownLatch end = new CountDownLatch(1);
        List<Thread> threads = startThreads(accounts, plugins, threadsPerPlugin, end);
        long before = usedHeap();
        Sampler sampler = new Sampler(accounts, new MxThreadReadings(), Clock.systemUTC());
        long start = System.nanoTime();
        while (System.nanoTime() - start < 62_000_000_000L) { // fill every window slot
            sampler.sample();
            Thread.sleep(250);
        }
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "memory held: %.1f KB per plugin (%d plugins, %d threads each; %d plugins tracked)%n",
                (after - before) / 1024.0 / plugins, plugins, threadsPerPlugin, sampler.plugins());
        end.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (sampler.plugins() < 0) {
            System.out.println(); // keeps the sampler reachable until after the second measurement
        }
    }

    private static List<Thread> startThreads(PluginAccounts accounts, int plugins, int perPlugin, CountDownLatch end) {
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < plugins; p++) {
            ThreadGroup group = accounts.threads().groupOf("bench.plugin" + p);
            for (int t = 0; t < perPlugin; t++) {
                Thread thread = new Thread(group, () -> {
                    try {
                        end.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "bench-" + p + "-" + t);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
        return threads;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
