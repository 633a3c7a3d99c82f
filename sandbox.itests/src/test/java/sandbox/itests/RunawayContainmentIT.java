package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PluginActivity;
import sandbox.api.PluginState;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;

/**
 * Runaway containment (issue 4) in the real container: the hostile.runaway plugin's loops, swallowed errors,
 * recursion, bombs, stray threads and held monitors are all ended by the woven poll, another plugin keeps working
 * during and after, and the hostile plugin can be executed again afterwards. Default limits (2 s wall, 2 s CPU,
 * 64 MiB allocation, 8 threads).
 */
public class RunawayContainmentIT extends SandboxTestSupport {
    private static final String HOSTILE = "hostile.runaway";
    private static final String HELLO = "example.hello";
    /** The interned literal hostile.runaway's holder thread locks (Runaways.SHARED_LOCK): shared JVM-wide. */
    private static final String SHARED_LOCK = "hostile.runaway.shared-lock";
    private static final Set<ExecutionStatus> OVER_TIME = EnumSet.of(ExecutionStatus.TIMEOUT, ExecutionStatus.CPU_EXCEEDED);

    private Bundle hostile;

    @Before
    public void installHostile() throws Exception {
        hostile = installPlugin(ReactorBundles.jar(HOSTILE));
        awaitPlugin(HOSTILE, PluginState.READY);
        awaitPlugin(HELLO, PluginState.READY);
    }

    private ExecutionResult hostile(String action) {
        return execute(HOSTILE, Map.of("action", action));
    }

    /** The host stayed responsive and the hostile plugin works again. */
    private void assertRecovered() {
        assertEquals(ExecutionStatus.SUCCESS, execute(HELLO, Map.of("name", "after")).status());
        assertEquals(ExecutionStatus.SUCCESS, hostile("ok").status());
    }

    private void assertOverTime(ExecutionResult result) {
        assertTrue(result.toString(), OVER_TIME.contains(result.status()));
        assertTrue(result.error(), result.error().contains("wall time") || result.error().contains("CPU time"));
    }

    private void awaitNoThreadsLeft() throws InterruptedException {
        PluginActivity activity = awaitService(PluginActivity.class);
        awaitLong("hostile.runaway to own no live thread", () -> activity.liveThreads(HOSTILE).isEmpty());
    }

    /**
     * Waits for something containment does asynchronously (the watchdog's next look, threads unwinding) with a
     * timeout far longer than {@link Await}'s: CI shares 2 cores among several Felix instances, and a passing test
     * returns as soon as the condition holds. Never a statement about speed.
     */
    private static void awaitLong(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up waiting after 120 s for " + what);
            }
            Thread.sleep(50);
        }
    }

    private void awaitViolation(ViolationKind kind) throws InterruptedException {
        ViolationService violations = awaitService(ViolationService.class);
        awaitLong("a " + kind + " violation of " + HOSTILE, () -> violations.recent(50).stream()
                .anyMatch(v -> v.kind() == kind && v.pluginId().equals(HOSTILE)));
    }

    @Test
    public void busyLoopIsStoppedWhileAnotherPluginRunsNormally() throws Exception {
        CompletableFuture<ExecutionResult> spinning = CompletableFuture.supplyAsync(() -> hostile("spin"));
        assertEquals("during", ExecutionStatus.SUCCESS, execute(HELLO, Map.of("name", "during")).status());
        assertOverTime(spinning.get());
        awaitNoThreadsLeft();
        assertRecovered();
    }

    @Test
    public void catchThrowableAndClearingInterruptsDoNotSaveALoop() throws Exception {
        assertOverTime(hostile("swallowThrowable"));
        awaitNoThreadsLeft();
        assertRecovered();
    }

    @Test
    public void aLoopInFinallyIsStoppedToo() throws Exception {
        assertOverTime(hostile("loopInFinally"));
        awaitNoThreadsLeft();
        assertRecovered();
    }

    /** The execution thread's stack is sized from maxStackDepth (default 2,000): the overflow is the budget's. */
    @Test
    public void infiniteRecursionEndsAtTheStackDepthBudget() throws Exception {
        ExecutionResult result = hostile("recurse");
        assertEquals(result.toString(), ExecutionStatus.FAILED, result.status());
        assertTrue(result.error(), result.error().contains("call depth over the budget of 2,000 frames"));
        awaitViolation(ViolationKind.STACK_DEPTH);
        assertRecovered();
    }

    @Test
    public void recursionThatCatchesStackOverflowEndsAsStackDepthTermination() throws Exception {
        ExecutionResult result = hostile("recurseCatchingOverflow");
        assertEquals(result.toString(), ExecutionStatus.FAILED, result.status());
        assertTrue(result.error(), result.error().contains("call depth over the budget of 2,000 frames"));
        awaitViolation(ViolationKind.STACK_DEPTH);
        assertRecovered();
    }

    @Test
    public void allocationBombIsStoppedWithItsFigures() throws Exception {
        ExecutionResult result = hostile("allocate");
        assertEquals(result.toString(), ExecutionStatus.ALLOCATION_EXCEEDED, result.status());
        assertTrue(result.error(), result.error().contains("over the budget of 67,108,864 bytes"));
        assertRecovered();
    }

    @Test
    public void threadBombIsContainedAndItsThreadsEnd() throws Exception {
        ExecutionResult result = hostile("threadBomb");
        // The ninth start asks the thread quota (the guard's check is runaway's ThreadQuota): the execution ends as
        // THREADS_EXCEEDED, an Error the bomb's catch (RuntimeException) cannot swallow, and its threads are stopped.
        assertEquals(result.toString(), ExecutionStatus.THREADS_EXCEEDED, result.status());
        assertTrue(result.error(), result.error().contains("live threads") && result.error().contains("over the budget of 8"));
        assertTrue("at most the quota of 8 bomb threads besides the execution's: " + result.telemetry(),
                result.telemetry().peakThreads() <= 9);
        awaitViolation(ViolationKind.THREADS);
        awaitNoThreadsLeft();
        assertRecovered();
    }

    @Test
    public void busyLoopOnAnUnjoinedThreadIsHeldToTheExecutionsBudget() throws Exception {
        assertEquals(ExecutionStatus.SUCCESS, hostile("spinOnUnjoinedThread").status());
        awaitNoThreadsLeft();
        awaitViolation(ViolationKind.CPU_TIME);
        assertRecovered();
    }

    @Test
    public void stoppingThePluginEndsAThreadSleepingInALoopThatIgnoresInterrupts() throws Exception {
        assertEquals(ExecutionStatus.SUCCESS, hostile("sleeperThread").status());
        PluginActivity activity = awaitService(PluginActivity.class);
        assertTrue("the sleeper runs on after its execution returned", !activity.liveThreads(HOSTILE).isEmpty());

        hostile.stop(); // STOPPING: Sandbox condemns and interrupts the plugin's threads and waits for them

        // normally none is left when stop() returns; on a starved machine the last one may still be unwinding
        awaitNoThreadsLeft();
        hostile.start();
        awaitPlugin(HOSTILE, PluginState.READY);
        assertRecovered();
    }

    @Test
    public void stoppingThePluginReleasesAMonitorAHostThreadWaitsFor() throws Exception {
        assertEquals(ExecutionStatus.SUCCESS, hostile("holdMonitor").status());
        CountDownLatch acquired = new CountDownLatch(1);
        Thread host = new Thread(() -> {
            synchronized (SHARED_LOCK) {
                acquired.countDown();
            }
        }, "host-waiting-for-the-plugin's-monitor");
        host.start();
        awaitLong("the host thread to block on the plugin's monitor", () -> host.getState() == Thread.State.BLOCKED);

        hostile.stop();

        awaitLong("the host thread to get the monitor", () -> acquired.getCount() == 0);
        host.join();
        hostile.start();
        awaitPlugin(HOSTILE, PluginState.READY);
        assertRecovered();
    }
}
