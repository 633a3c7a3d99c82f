package sandbox.monitor;

import java.lang.management.ManagementFactory;

/**
 * {@link ThreadReadings} from {@code com.sun.management.ThreadMXBean}: one {@code getThreadCpuTime(long[])} and one
 * {@code getThreadAllocatedBytes(long[])} per sample, never one call per thread.
 */
final class MxThreadReadings implements ThreadReadings {
    private final com.sun.management.ThreadMXBean mx;

    MxThreadReadings() {
        mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (mx.isThreadCpuTimeSupported() && !mx.isThreadCpuTimeEnabled()) {
            mx.setThreadCpuTimeEnabled(true);
        }
        if (mx.isThreadAllocatedMemorySupported() && !mx.isThreadAllocatedMemoryEnabled()) {
            mx.setThreadAllocatedMemoryEnabled(true);
        }
    }

    @Override
    public void read(long[] ids, long[] cpu, long[] allocated) {
        if (ids.length == 0) {
            return;
        }
        System.arraycopy(mx.getThreadCpuTime(ids), 0, cpu, 0, ids.length);
        System.arraycopy(mx.getThreadAllocatedBytes(ids), 0, allocated, 0, ids.length);
    }
}
