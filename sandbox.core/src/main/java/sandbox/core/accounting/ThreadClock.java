package sandbox.core.accounting;

import java.lang.management.ManagementFactory;
import sandbox.api.ThreadCost;

/**
 * Reads the current thread's CPU time and allocated bytes, the two figures the task wrappers subtract.
 * Uses {@code com.sun.management.ThreadMXBean} (HotSpot, also inside Felix: the system bundle exports it).
 * A figure the JVM cannot measure reads as 0, so a wrapper never charges a negative or bogus amount.
 */
final class ThreadClock {
    private static final com.sun.management.ThreadMXBean MX = enable();

    private ThreadClock() {
    }

    /** @return the calling thread's reading now */
    static ThreadCost now() {
        long cpu = MX.getCurrentThreadCpuTime();
        long alloc = MX.getCurrentThreadAllocatedBytes();
        return new ThreadCost(Math.max(0, cpu), Math.max(0, alloc));
    }

    private static com.sun.management.ThreadMXBean enable() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (mx.isCurrentThreadCpuTimeSupported() && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        if (mx.isThreadAllocatedMemorySupported() && !mx.isThreadAllocatedMemoryEnabled()) {
            mx.setThreadAllocatedMemoryEnabled(true);
        }
        return mx;
    }
}
