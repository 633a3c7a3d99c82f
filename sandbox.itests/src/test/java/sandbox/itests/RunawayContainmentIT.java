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
        Await.untilTrue("hostile.runaway to own no live thread (now " + activity.liveThreads(HOSTILE) + ")",
                () -> activity.liveThreads(HOSTILE).isEmpty());
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

    @Test
    public void infiniteRecursionIsAContainedFailure() {
        ExecutionResult result = hostile("recurse");
        assertEquals(result.toString(), ExecutionStatus.FAILED, result.status());
        assertTrue(result.error(), result.error().contains("StackOverflowError") || result.error().contains("stack overflow"));
        assertRecovered();
    }

    @Test
    public void recursionThatCatchesStackOverflowEndsAsStackDepthTermination() throws Exception {
        ExecutionResult result = hostile("recurseCatchingOverflow");
        assertEquals(result.toString(), ExecutionStatus.FAILED, result.status());
        assertTrue(result.error(), result.error().contains("stack overflow in plugin code"));
        ViolationService violations = awaitService(ViolationService.class);
        Await.untilTrue("a STACK_DEPTH violation", () -> violations.recent(50).stream()
                .anyMatch(v -> v.kind() == ViolationKind.STACK_DEPTH && v.pluginId().equals(HOSTILE)));
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
        // The guard denies threads over the quota; the bomb swallows the denials and goes on until a budget ends it
        // (which one depends on the machine: creating and failing threads costs wall time, CPU and allocation).
        assertTrue(result.toString(), EnumSet.of(ExecutionStatus.TIMEOUT, ExecutionStatus.CPU_EXCEEDED,
                ExecutionStatus.ALLOCATION_EXCEEDED, ExecutionStatus.THREADS_EXCEEDED, ExecutionStatus.DENIED)
                .contains(result.status()));
        assertTrue("at most the quota of 8 bomb threads besides the execution's: " + result.telemetry(),
                result.telemetry().peakThreads() <= 9);
        awaitNoThreadsLeft();
        assertRecovered();
    }

    @Test
    public void busyLoopOnAnUnjoinedThreadIsHeldToTheExecutionsBudget() throws Exception {
        assertEquals(ExecutionStatus.SUCCESS, hostile("spinOnUnjoinedThread").status());
        awaitNoThreadsLeft();
        ViolationService violations = awaitService(ViolationService.class);
        Await.untilTrue("a CPU_TIME violation for the stray spinner", () -> violations.recent(50).stream()
                .anyMatch(v -> v.kind() == ViolationKind.CPU_TIME && v.pluginId().equals(HOSTILE)));
        assertRecovered();
    }

    @Test
    public void stoppingThePluginEndsAThreadSleepingInALoopThatIgnoresInterrupts() throws Exception {
        assertEquals(ExecutionStatus.SUCCESS, hostile("sleeperThread").status());
        PluginActivity activity = awaitService(PluginActivity.class);
        assertTrue("the sleeper runs on after its execution returned", !activity.liveThreads(HOSTILE).isEmpty());

        hostile.stop(); // STOPPING: Sandbox condemns and interrupts the plugin's threads and waits for them

        assertEquals("after stop the plugin owns no live thread", 0, activity.liveThreads(HOSTILE).size());
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
        Await.untilTrue("the host thread to block on the plugin's monitor", () -> host.getState() == Thread.State.BLOCKED);

        hostile.stop();

        acquired.await();
        host.join();
        hostile.start();
        awaitPlugin(HOSTILE, PluginState.READY);
        assertRecovered();
    }
}
