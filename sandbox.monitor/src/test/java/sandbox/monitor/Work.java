package sandbox.monitor;

import java.lang.management.ManagementFactory;

/** Known amounts of work, measured on the thread that does them, to compare the monitor's attribution with. */
final class Work {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static volatile Object sink;

    private Work() {
    }

    /** Burns about {@code millis} of CPU; @return the CPU nanoseconds its thread spent, measured */
    static long burn(long millis) {
        long start = MX.getCurrentThreadCpuTime();
        long x = 0;
        while (MX.getCurrentThreadCpuTime() - start < millis * 1_000_000) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        sink = x;
        return MX.getCurrentThreadCpuTime() - start;
    }

    /** Allocates {@code bytes} in 64 KB arrays; @return the bytes its thread allocated, measured */
    static long allocate(long bytes) {
        long start = MX.getCurrentThreadAllocatedBytes();
        for (long done = 0; done < bytes; done += 64 * 1024) {
            sink = new byte[64 * 1024];
        }
        return MX.getCurrentThreadAllocatedBytes() - start;
    }

    static void assertWithin(String what, long expected, long actual, double tolerance) {
        org.junit.Assert.assertTrue(what + ": expected " + expected + " ± " + Math.round(tolerance * 100) + " %, was " + actual,
                Math.abs(actual - expected) <= expected * tolerance);
    }
}
