package sandbox.core.runaway;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU time and allocated bytes of many threads in two bulk calls ({@code getThreadCpuTime(long[])},
 * {@code getThreadAllocatedBytes(long[])}), not one call per thread. A dead thread reads as -1.
 */
final class ThreadCosts {
    private final com.sun.management.ThreadMXBean bean;

    ThreadCosts() {
        bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (bean.isThreadCpuTimeSupported() && !bean.isThreadCpuTimeEnabled()) {
            bean.setThreadCpuTimeEnabled(true);
        }
        if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /** @return {cpu nanos[], allocated bytes[]} for the threads, in order */
    long[][] read(List<Thread> threads) {
        long[] ids = new long[threads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(threads.get(i));
        }
        return new long[][] {bean.getThreadCpuTime(ids), bean.getThreadAllocatedBytes(ids)};
    }

    long cpu(Thread thread) {
        return Math.max(0, bean.getThreadCpuTime(id(thread)));
    }

    long allocated(Thread thread) {
        return Math.max(0, bean.getThreadAllocatedBytes(id(thread)));
    }

    @SuppressWarnings("deprecation") // Thread.threadId() needs release 19; getId() is the same number
    private static long id(Thread thread) {
        return thread.getId();
    }
}
