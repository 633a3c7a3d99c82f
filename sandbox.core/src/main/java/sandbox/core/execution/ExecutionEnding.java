package sandbox.core.execution;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.api.ViolationSeverity;

/**
 * THE place that decides how an over-budget or cancelled execution is ended. Nothing else in the core interrupts
 * a plugin thread.
 *
 * <p>Today: at level MINIMAL an overrun is recorded (violation, not enforced) and the execution goes on; at every
 * other level the violation is recorded as enforced, the thread is interrupted, given {@link #GRACE} to leave,
 * and the result is TIMEOUT either way. A plugin that ignores interrupts keeps its thread (it stays in the
 * plugin's thread group, visible to the monitor). Runaway containment (issue 4) replaces the interrupt with the
 * weaver's termination poll and makes the ending unconditional; only this class changes for that.
 */
class ExecutionEnding {
    /** How long an interrupted plugin thread is given to leave before the result is returned anyway. */
    static final Duration GRACE = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger("sandbox.core.execution");
    private static final int MAX_FRAMES = 16;

    private final Supplier<ViolationService> violations;

    /** @param violations where overruns are reported; may supply {@code null} when there is no service */
    ExecutionEnding(Supplier<ViolationService> violations) {
        this.violations = violations;
    }

    /**
     * Called on the caller's thread just before the execution thread starts. Today: nothing. Runaway containment
     * registers the run with its watchdog here.
     */
    void starting(ExecutionRequest request, Thread thread) {
        // no watchdog yet: the caller's wait loop is the only one watching
    }

    /**
     * Called when the execution thread ended by itself. Today the plugin's own outcome stands ({@code null}).
     * Runaway containment answers here when its termination error ended the call (CPU, allocation, threads, ...).
     *
     * @return a different ending, or {@code null} to keep the outcome
     */
    Verdict finished(ExecutionRequest request, Thread thread, TaskOutcome outcome) {
        return null;
    }

    /** Called once, when the execution's wall time passes its limit while its thread still runs. */
    Verdict overBudget(ExecutionRequest request, Thread thread) {
        Duration limit = request.config().limits().executionTime();
        boolean enforce = request.config().level() != IsolationLevel.MINIMAL;
        report(request, thread, "wall time over the " + limit.toMillis() + " ms limit", enforce);
        if (!enforce) {
            return Verdict.KEEP_WAITING;
        }
        thread.interrupt();
        boolean stopped = awaitEnd(thread);
        return new Verdict(ExecutionStatus.TIMEOUT, "ran past its execution-time limit of " + limit.toMillis()
                + " ms and was interrupted" + (stopped ? "" : "; it did not stop within " + GRACE.toMillis()
                + " ms and keeps running in the plugin's thread group"));
    }

    /** Called when the caller's own thread is interrupted while it waits for the execution. */
    Verdict callerInterrupted(ExecutionRequest request, Thread thread) {
        thread.interrupt();
        return new Verdict(ExecutionStatus.KILLED, "the caller was interrupted while waiting; the plugin's thread was interrupted");
    }

    private static boolean awaitEnd(Thread thread) {
        boolean interrupted = Thread.interrupted();
        try {
            TimeUnit.NANOSECONDS.timedJoin(thread, GRACE.toNanos());
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !thread.isAlive();
    }

    private void report(ExecutionRequest request, Thread thread, String target, boolean enforced) {
        ViolationService service = violations.get();
        if (service == null) {
            LOG.log(Level.WARNING, request.pluginId() + ": " + target + " (no violation service to report to)");
            return;
        }
        try {
            service.report(new Violation(ViolationKind.EXECUTION_TIME, ViolationSeverity.ERROR, request.pluginId(),
                    request.pluginVersion(), null, "execute", target, enforced, pluginFrames(thread), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not report an execution-time violation of " + request.pluginId(), e);
        }
    }

    /** The innermost frames that are not the JDK's, the framework's or the core's: the plugin's own, roughly. */
    static List<String> pluginFrames(Thread thread) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : thread.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("com.sun.") || c.startsWith("org.osgi.") || c.startsWith("org.apache.felix.")
                    || c.startsWith("sandbox.core.")) {
                continue;
            }
            frames.add(e.toString());
            if (frames.size() == MAX_FRAMES) {
                break;
            }
        }
        return frames;
    }
}
