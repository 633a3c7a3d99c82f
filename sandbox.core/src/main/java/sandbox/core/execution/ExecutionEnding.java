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
import sandbox.core.runaway.Budget;
import sandbox.core.runaway.Containment;
import sandbox.core.runaway.PluginTerminatedError;
import sandbox.core.runaway.Run;

/**
 * THE place that decides how an over-budget or cancelled execution is ended. Nothing else in the core interrupts
 * a plugin thread.
 *
 * <p>Today: at level MINIMAL an overrun is recorded (violation, not enforced) and the execution goes on; at every
 * other level the violation is recorded as enforced, the thread is interrupted, given {@link #GRACE} to leave,
 * and the result is TIMEOUT either way. A plugin that ignores interrupts keeps its thread (it stays in the
 * plugin's thread group, visible to the monitor). With runaway containment (issue 4) the thread is also condemned:
 * the weaver's termination poll ends it, and the watchdog's CPU, allocation and thread budgets end it the same way.
 */
class ExecutionEnding {
    /** How long an interrupted plugin thread is given to leave before the result is returned anyway. */
    static final Duration GRACE = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger("sandbox.core.execution");
    private static final int MAX_FRAMES = 16;

    private final Supplier<ViolationService> violations;
    private final Supplier<Containment> runaway;

    /** @param violations where overruns are reported; may supply {@code null} when there is no service */
    ExecutionEnding(Supplier<ViolationService> violations) {
        this(violations, () -> null);
    }

    /**
     * @param violations where overruns are reported; may supply {@code null} when there is no service
     * @param runaway runaway containment (watchdog budgets, termination poll); may supply {@code null}: then only
     *        the wall time is watched and an overrun is interrupted
     */
    ExecutionEnding(Supplier<ViolationService> violations, Supplier<Containment> runaway) {
        this.violations = violations;
        this.runaway = runaway;
    }

    /**
     * Called on the caller's thread just before the execution thread starts: runaway containment registers the run
     * with its watchdog (CPU, allocation, threads, wall time).
     */
    void starting(ExecutionRequest request, Thread thread) {
        Containment containment = runaway.get();
        if (containment != null) {
            containment.begin(request.pluginId(), request.config(), thread);
        }
    }

    /**
     * Called when the execution thread ended by itself. The plugin's own outcome stands unless runaway containment
     * ended it (or ended it and the plugin swallowed the termination and returned).
     *
     * @return a different ending, or {@code null} to keep the outcome
     */
    Verdict finished(ExecutionRequest request, Thread thread, TaskOutcome outcome) {
        PluginTerminatedError verdict = endRun(thread);
        return verdict == null ? null : new Verdict(verdict.budget().status(), verdict.getMessage());
    }

    /** Called once, when the execution's wall time passes its limit while its thread still runs. */
    Verdict overBudget(ExecutionRequest request, Thread thread) {
        Duration limit = request.config().limits().executionTime();
        boolean enforce = request.config().level() != IsolationLevel.MINIMAL;
        Containment containment = runaway.get();
        Run run = containment == null ? null : containment.runOf(thread);
        if (run != null) {
            // Containment condemns the thread (its next poll throws), interrupts it and records the violation.
            PluginTerminatedError verdict = containment.overBudget(run, Budget.TIMEOUT,
                    "wall time over the " + limit.toMillis() + " ms limit");
            if (!enforce) {
                return Verdict.KEEP_WAITING;
            }
            boolean stopped = awaitEnd(thread);
            containment.end(run);
            return new Verdict(verdict.budget().status(), verdict.getMessage() + (stopped ? "" : "; its thread did not"
                    + " stop within " + GRACE.toMillis() + " ms (blocked outside plugin code) and stays condemned"));
        }
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
        Containment containment = runaway.get();
        Run run = containment == null ? null : containment.runOf(thread);
        if (run != null) {
            containment.overBudget(run, Budget.KILLED, "the caller was interrupted while waiting");
            containment.end(run);
        }
        thread.interrupt();
        return new Verdict(ExecutionStatus.KILLED, "the caller was interrupted while waiting; the plugin's thread was interrupted");
    }

    private PluginTerminatedError endRun(Thread thread) {
        Containment containment = runaway.get();
        Run run = containment == null ? null : containment.runOf(thread);
        return run == null ? null : containment.end(run);
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
