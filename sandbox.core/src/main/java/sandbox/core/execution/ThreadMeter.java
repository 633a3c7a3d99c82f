package sandbox.core.execution;

import java.lang.management.ManagementFactory;

/**
 * CPU time and allocated bytes of threads, from {@code com.sun.management.ThreadMXBean}. A figure the JVM cannot
 * give reads as 0, so telemetry is never negative.
 */
final class ThreadMeter {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadMeter() {
    }

    /** @return CPU time of the calling thread, ns */
    static long currentCpu() {
        return Math.max(0, MX.getCurrentThreadCpuTime());
    }

    /** @return bytes allocated so far by the calling thread */
    static long currentAllocated() {
        return Math.max(0, MX.getCurrentThreadAllocatedBytes());
    }

    /** @return CPU time of a live thread, ns; 0 once it has ended */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs release 19
    static long cpu(Thread thread) {
        return Math.max(0, MX.getThreadCpuTime(thread.getId()));
    }

    /** @return bytes allocated so far by a live thread; 0 once it has ended */
    @SuppressWarnings("deprecation")
    static long allocated(Thread thread) {
        return Math.max(0, MX.getThreadAllocatedBytes(thread.getId()));
    }
}
