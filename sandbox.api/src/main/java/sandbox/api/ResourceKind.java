package sandbox.api;

/**
 * The resources the monitor watches per plugin, named after the monitors of OSGi Compendium chapter 144
 * (Resource Monitoring): CPU, memory (here: allocation), threads, sockets, disk.
 */
public enum ResourceKind {
    /** CPU time of the plugin's threads and tasks, nanoseconds in the window; limit {@link PluginLimits#cpuTime()}. */
    CPU(ViolationKind.CPU_TIME),
    /** Bytes allocated in the window; limit {@link PluginLimits#allocatedBytes()}. */
    ALLOCATION(ViolationKind.ALLOCATION),
    /** Live threads now; limit {@link PluginLimits#maxThreads()}. */
    THREADS(ViolationKind.THREADS),
    /** Files open now; limit {@link PluginLimits#maxOpenFiles()}. */
    OPEN_FILES(ViolationKind.OPEN_FILES),
    /** Sockets open now; limit {@link PluginLimits#maxOpenSockets()}. */
    SOCKETS(ViolationKind.SOCKETS),
    /** Network bytes per second, both directions, averaged over the window; limit {@link PluginLimits#networkBytesPerSecond()}. */
    BANDWIDTH(ViolationKind.BANDWIDTH),
    /** File bytes written in the window; limit {@link PluginLimits#fileBytesWritten()}. */
    FILE_BYTES(ViolationKind.FILE_BYTES);

    private final ViolationKind violationKind;

    ResourceKind(ViolationKind violationKind) {
        this.violationKind = violationKind;
    }

    /** @return the violation kind recorded when a threshold of this resource is crossed */
    public ViolationKind violationKind() {
        return violationKind;
    }
}
