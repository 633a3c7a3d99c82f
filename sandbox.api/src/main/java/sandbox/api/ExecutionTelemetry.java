package sandbox.api;

/**
 * What one execution cost.
 *
 * @param wallNanos elapsed time from start to end
 * @param cpuNanos CPU time of the execution's thread
 * @param allocatedBytes bytes allocated by the execution's thread
 * @param peakThreads the most live threads the plugin owned during the execution, its execution thread included
 */
public record ExecutionTelemetry(long wallNanos, long cpuNanos, long allocatedBytes, int peakThreads) {

    /** Nothing measured: the execution never started. */
    public static final ExecutionTelemetry NONE = new ExecutionTelemetry(0, 0, 0, 0);
}
