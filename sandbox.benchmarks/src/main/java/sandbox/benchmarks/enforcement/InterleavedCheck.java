package sandbox.benchmarks.enforcement;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A cross-check of the guarded/unguarded ratio that a busy machine cannot skew: one JVM, one framework, blocks of
 * calls to the trusted and the woven copy alternating (order swapped every round), the ratio taken per round and
 * its median reported. Preemption on a loaded machine only ever adds time, so the ratio of the fastest tenth of the
 * blocks (p10 of each side) is the least disturbed estimate; both are printed. JMH runs each benchmark in its own fork one after the other, so load that changes between
 * forks lands in its ratio; here both sides of every ratio ran within the same few milliseconds.
 */
public final class InterleavedCheck {
    private static final int WARMUP_CALLS = 20_000;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final int ROUNDS = 201;
    private static final int CALLS_PER_BLOCK = 200;
    private static long sink;
    static final String HEADER = "| operation | unguarded median / p10 | guarded median / p10 | median of per-round ratios "
            + "| ratio of p10s | target ≤ 1.05 (p10 ratio) | bytes allocated per call, unguarded / guarded |";
    static final String SEPARATOR = "| --- | --- | --- | --- | --- | --- | --- |";

    private InterleavedCheck() {
    }

    /**
     * The cross-check alone (about a minute), for before/after comparisons on a shared machine:
     * {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.enforcement.InterleavedCheck}.
     */
    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            System.out.println(HEADER);
            System.out.println(SEPARATOR);
            for (String line : run()) {
                System.out.println(line);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.exit(status);   // a framework thread left behind must not keep the JVM alive
    }

    /** @return lines for the report, one per operation */
    static String[] run() throws Exception {
        try (SandboxContainer c = new SandboxContainer()) {
            return new String[] {
                line("Files.newInputStream + read 1 KiB + close", c.fileTrusted, c.filePlugin),
                line("loopback connect + close", c.socketTrusted, c.socketPlugin)};
        }
    }

    private static String line(String what, LongSupplier trusted, LongSupplier plugin) {
        // at least WARMUP_CALLS pairs and WARMUP_NANOS: on a loaded machine the JIT's queue (the core's weaver
        // warm-up compiles too) can leave either side in a lower tier after a fixed number of calls
        long warmUntil = System.nanoTime() + WARMUP_NANOS;
        for (int i = 0; i < WARMUP_CALLS || System.nanoTime() - warmUntil < 0; i++) {
            sink += trusted.getAsLong() + plugin.getAsLong();
        }
        double[] ratios = new double[ROUNDS];
        double[] trustedUs = new double[ROUNDS];
        double[] pluginUs = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double t;
            double p;
            if (r % 2 == 0) {
                t = block(trusted);
                p = block(plugin);
            } else {
                p = block(plugin);
                t = block(trusted);
            }
            trustedUs[r] = t;
            pluginUs[r] = p;
            ratios[r] = p / t;
        }
        Arrays.sort(ratios);
        Arrays.sort(trustedUs);
        Arrays.sort(pluginUs);
        int p10 = ROUNDS / 10;
        double fastRatio = pluginUs[p10] / trustedUs[p10];
        return String.format(Locale.ROOT, "| %s | %.2f / %.2f | %.2f / %.2f | %.3f× (IQR %.3f–%.3f) | %.3f× | %s | %d / %d |", what,
                trustedUs[ROUNDS / 2], trustedUs[p10], pluginUs[ROUNDS / 2], pluginUs[p10], ratios[ROUNDS / 2],
                ratios[ROUNDS / 4], ratios[3 * ROUNDS / 4], fastRatio, fastRatio <= 1.05 ? "MET" : "NOT MET",
                allocatedPerCall(trusted), allocatedPerCall(plugin));
    }

    /**
     * @return bytes this thread allocates per call (after warm-up, so what the compiled code allocates): unlike time,
     *         not disturbed by other load on the machine
     */
    private static long allocatedPerCall(LongSupplier op) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int calls = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            sink += op.getAsLong();
        }
        return Math.round((threads.getCurrentThreadAllocatedBytes() - before) / (double) calls);
    }

    /** @return microseconds per call over one block */
    private static double block(LongSupplier op) {
        long t0 = System.nanoTime();
        for (int i = 0; i < CALLS_PER_BLOCK; i++) {
            sink += op.getAsLong();
        }
        return (System.nanoTime() - t0) / 1_000.0 / CALLS_PER_BLOCK;
    }
}
