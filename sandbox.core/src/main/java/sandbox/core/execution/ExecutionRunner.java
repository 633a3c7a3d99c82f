package sandbox.core.execution;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.core.accounting.OwnedTasks;
import sandbox.core.runaway.StackDepth;

/**
 * Runs one {@link ExecutionRequest} on a new thread born in the plugin's thread group and watches it from the
 * caller's thread: samples the plugin's live threads every check interval and hands an overrun or a cancellation
 * to {@link ExecutionEnding}. Needs no framework, so the whole execution path is unit-tested with real threads.
 */
final class ExecutionRunner {
    private final ExecutionEnding ending;
    private final AtomicLong sequence = new AtomicLong();

    ExecutionRunner(ExecutionEnding ending) {
        this.ending = ending;
    }

    ExecutionResult run(ExecutionRequest request) {
        ExecutionTask task = new ExecutionTask(request);
        // No inherited thread locals: nothing of the caller's (a shell session, a request) leaks to the plugin. The
        // stack is sized from the plugin's call-depth budget (StackDepth): deep recursion overflows at the budget.
        // The thread is charged to the plugin exactly, first instruction to last (OwnedTasks); without a ledger
        // (unit tests) it is sampled whole-life as a member of the plugin's group.
        OwnedTasks owned = OwnedTasks.inUse();
        Thread thread = new Thread(request.group(), owned == null ? task : owned.runnable(request.pluginId(), task),
                "sandbox-exec-" + request.pluginId() + "-" + sequence.incrementAndGet(),
                StackDepth.stackBytes(request.config().limits().maxStackDepth()), false);
        if (owned != null) {
            owned.adopt(request.pluginId(), thread);
        }
        thread.setDaemon(true);
        thread.setContextClassLoader(request.contextLoader());
        long limit = request.config().limits().executionTime().toNanos();
        long interval = request.config().checkInterval().toNanos();
        long start = System.nanoTime();
        ending.starting(request, thread);
        try {
            thread.start();
        } catch (OutOfMemoryError | IllegalThreadStateException e) {
            return new ExecutionResult(request.pluginId(), ExecutionStatus.KILLED, Map.of(),
                    "could not start the execution thread: " + e, task.telemetry(thread));
        }
        boolean overrunSeen = false;
        try {
            while (thread.isAlive()) {
                task.samplePeak();
                long remaining = start + limit - System.nanoTime();
                if (remaining <= 0 && !overrunSeen) {
                    overrunSeen = true;
                    Verdict verdict = ending.overBudget(request, thread);
                    if (verdict.ended()) {
                        return ended(request, verdict, task, thread);
                    }
                    continue;
                }
                TimeUnit.NANOSECONDS.timedJoin(thread, overrunSeen ? interval : Math.min(interval, remaining));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended(request, ending.callerInterrupted(request, thread), task, thread);
        }
        TaskOutcome outcome = task.outcome();
        Verdict override = ending.finished(request, thread, outcome);
        if (override != null && override.ended()) {
            return ended(request, override, task, thread);
        }
        if (outcome == null) {
            return new ExecutionResult(request.pluginId(), ExecutionStatus.FAILED, Map.of(),
                    "the execution thread ended without an outcome", task.telemetry(thread));
        }
        return new ExecutionResult(request.pluginId(), outcome.status(), outcome.value(), outcome.error(),
                task.telemetry(thread));
    }

    private static ExecutionResult ended(ExecutionRequest request, Verdict verdict, ExecutionTask task, Thread thread) {
        return new ExecutionResult(request.pluginId(), verdict.status(), Map.of(), verdict.error(), task.telemetry(thread));
    }
}
