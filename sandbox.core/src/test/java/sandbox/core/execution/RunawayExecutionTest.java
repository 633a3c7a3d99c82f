package sandbox.core.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationConfig;
import sandbox.api.Plugin;
import sandbox.api.PluginLimits;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.core.accounting.ThreadOwnership;
import sandbox.core.runaway.Containment;
import sandbox.core.runaway.RunawayReporter;
import sandbox.core.runaway.WovenLoader;

/**
 * The executor with runaway containment plugged into its seam ({@link ExecutionEnding}), running a woven hostile
 * plugin on real threads: each budget ends the execution with its own status and figures, and the plugin can be
 * executed again afterwards.
 */
public class RunawayExecutionTest {
    private static final String PLUGIN = "runaway.exec.plugin";
    private final ThreadOwnership ownership = new ThreadOwnership();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final Containment containment = new Containment(ownership::liveThreads,
            new RunawayReporter(violations::add, id -> "1.0.0"), Duration.ofMillis(10));
    private final ExecutionRunner runner = new ExecutionRunner(new ExecutionEnding(() -> null, () -> containment));
    private final Plugin plugin;

    public RunawayExecutionTest() throws ReflectiveOperationException {
        plugin = (Plugin) new WovenLoader(PLUGIN).loadClass(WovenLoader.SAMPLES + "HostilePlugin")
                .getDeclaredConstructor().newInstance();
    }

    @After
    public void tearDown() {
        assertEquals("no thread of the plugin is left", List.of(), containment.stop(PLUGIN, Duration.ofSeconds(30)));
        containment.close();
    }

    private ExecutionResult run(String action, PluginLimits.Builder limits) {
        IsolationConfig config = IsolationConfig.DEFAULTS.withLimits(limits.build());
        ExecutionContext context = ExecutionContext.of(PLUGIN, Path.of("target/test-data"), Map.of("action", action));
        ThreadGroup group = ownership.groupOf(PLUGIN);
        return runner.run(new ExecutionRequest("1.0.0", () -> plugin, context, group, getClass().getClassLoader(), config,
                group::activeCount));
    }

    private static PluginLimits.Builder generous() {
        return PluginLimits.builder().executionTime(Duration.ofMinutes(5)).cpuTime(Duration.ofMinutes(5));
    }

    private void assertEnded(ExecutionResult result, ExecutionStatus status, String figure) {
        assertEquals(result.error(), status, result.status());
        assertTrue(result.error(), result.error().contains(figure));
        assertEquals("afterwards the plugin runs normally", ExecutionStatus.SUCCESS, run("ok", generous()).status());
    }

    @Test
    public void cpuBudget() {
        assertEnded(run("spin", generous().cpuTime(Duration.ofMillis(100))), ExecutionStatus.CPU_EXCEEDED, "CPU time");
    }

    @Test
    public void wallTimeWithAHandlerThatSwallowsEverything() {
        assertEnded(run("swallowThrowable", generous().executionTime(Duration.ofMillis(200))), ExecutionStatus.TIMEOUT,
                "wall time");
    }

    @Test
    public void allocationBudget() {
        assertEnded(run("allocate", generous().allocatedBytes(16L << 20)), ExecutionStatus.ALLOCATION_EXCEEDED,
                "16,777,216 bytes");
    }

    @Test
    public void recursionCatchingStackOverflowIsAContainedFailure() {
        assertEnded(run("recurseCatchingOverflow", generous()), ExecutionStatus.FAILED,
                "call depth over the budget of 2,000 frames");
    }

    @Test
    public void deepRecursionEndsAtTheCallDepthBudgetWithTheFigure() throws Exception {
        Class<?> samples = plugin.getClass().getClassLoader().loadClass(WovenLoader.SAMPLES + "Runaways");
        java.lang.reflect.Field depth = samples.getField("depth");
        assertEnded(run("recurse", generous().maxStackDepth(1_000)), ExecutionStatus.FAILED,
                "call depth over the budget of 1,000 frames");
        int small = depth.getInt(null);
        for (int i = 0; i < 3_000 && violations.stream().noneMatch(v -> v.kind() == ViolationKind.STACK_DEPTH); i++) {
            Thread.sleep(10); // the watchdog records it at its next look; the bound only keeps a bug from hanging
        }
        assertTrue("a STACK_DEPTH violation: " + violations,
                violations.stream().anyMatch(v -> v.kind() == ViolationKind.STACK_DEPTH));
        assertEnded(run("recurse", generous().maxStackDepth(100_000)), ExecutionStatus.FAILED,
                "call depth over the budget of 100,000 frames");
        int large = depth.getInt(null);
        assertTrue("at least the budget's 1,000 frames fit: " + small, small >= 1_000);
        assertTrue("a larger budget lets the recursion go deeper: " + small + " vs " + large, large > 2 * small);
    }

    @Test
    public void aPluginThatReturnsAfterItsTerminationStillGetsTheBudgetsVerdict() {
        assertEnded(run("swallowAndReturn", generous().cpuTime(Duration.ofMillis(100))), ExecutionStatus.CPU_EXCEEDED,
                "CPU time");
    }
}
