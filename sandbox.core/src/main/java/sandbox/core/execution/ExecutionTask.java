package sandbox.core.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sandbox.api.ExecutionStatus;
import sandbox.api.ExecutionTelemetry;
import sandbox.api.Plugin;
import sandbox.core.runaway.StackDepth;

/**
 * The body of an execution thread: measures the thread around the plugin's call and turns whatever happens into a
 * {@link TaskOutcome}. Everything that may run plugin code happens here, on the plugin's thread: obtaining the
 * service (component activation), the call, copying the returned map (a plugin's Map is plugin code) and
 * describing a thrown exception ({@code getMessage} is plugin code). The caller's thread only reads the outcome.
 */
final class ExecutionTask implements Runnable {
    private final ExecutionRequest request;
    private final AtomicInteger peakThreads = new AtomicInteger();
    private volatile boolean started;
    private volatile long startNanos;
    private volatile long startCpu;
    private volatile long startAllocated;
    private volatile TaskOutcome outcome;

    ExecutionTask(ExecutionRequest request) {
        this.request = request;
    }

    @Override
    public void run() {
        samplePeak();
        startCpu = ThreadMeter.currentCpu();
        startAllocated = ThreadMeter.currentAllocated();
        startNanos = System.nanoTime();
        started = true;
        ExecutionStatus status;
        Map<String, String> value = Map.of();
        String error = null;
        try {
            Plugin plugin = request.plugin().call();
            value = copy(plugin.execute(request.context()));
            status = ExecutionStatus.SUCCESS;
        } catch (Throwable thrown) {
            // Errors too (StackOverflowError, OutOfMemoryError, ...): nothing a plugin throws leaves this thread.
            // An overflow no plugin handler caught is the call-depth budget's termination (runaway.StackDepth).
            thrown = StackDepth.asTermination(thrown, request.pluginId(), request.config().limits().maxStackDepth());
            status = FailureClassifier.statusOf(thrown);
            error = FailureClassifier.describe(thrown);
        }
        long wall = System.nanoTime() - startNanos;
        long cpu = ThreadMeter.currentCpu() - startCpu;
        long allocated = ThreadMeter.currentAllocated() - startAllocated;
        samplePeak();
        outcome = new TaskOutcome(status, value, error, wall, cpu, allocated);
    }

    /** Records the plugin's live-thread count now if it is a new peak; called from both threads. */
    void samplePeak() {
        int live = request.liveThreads().getAsInt();
        peakThreads.accumulateAndGet(live, Math::max);
    }

    /** @return the outcome, or {@code null} while the call has not returned */
    TaskOutcome outcome() {
        return outcome;
    }

    /**
     * @param thread this task's thread
     * @return the measurements taken on the thread if the call returned, otherwise read from outside now
     */
    ExecutionTelemetry telemetry(Thread thread) {
        int peak = Math.max(1, peakThreads.get());
        TaskOutcome done = outcome;
        if (done != null) {
            return new ExecutionTelemetry(done.wallNanos(), done.cpuNanos(), done.allocatedBytes(), peak);
        }
        if (!started) {
            return new ExecutionTelemetry(0, 0, 0, peak);
        }
        return new ExecutionTelemetry(System.nanoTime() - startNanos,
                Math.max(0, ThreadMeter.cpu(thread) - startCpu),
                Math.max(0, ThreadMeter.allocated(thread) - startAllocated), peak);
    }

    /** Copies a plugin's result into a JDK map of strings; anything else is the plugin's failure. */
    static Map<String, String> copy(Map<?, ?> result) {
        if (result == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : result.entrySet()) {
            Object key = entry.getKey();
            Object value = entry.getValue();
            if (!(key instanceof String k) || !(value instanceof String v)) {
                throw new IllegalArgumentException("the plugin's result maps " + typeOf(key) + " to " + typeOf(value)
                        + "; keys and values must be non-null strings");
            }
            copy.put(k, v);
        }
        return Map.copyOf(copy);
    }

    private static String typeOf(Object o) {
        return o == null ? "null" : o instanceof String s ? "'" + s + "'" : "a " + o.getClass().getName();
    }
}
