package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PluginState;

/** The first slice end to end: SandboxService.execute on the three example plugins and on an unknown id. */
public class PluginExecutionIT extends SandboxTestSupport {

    private static final String HELLO = "example.hello";
    private static final String FAILING = "example.failing";
    private static final String SLEEPY = "example.sleepy";
    /** The message example.failing's exception carries (FailingPlugin.MESSAGE). */
    private static final String FAILING_MESSAGE = "example.failing failed on purpose: the input was not good enough";
    /** How long example.sleepy is asked to sleep: far beyond its 2 s default limit plus the slack below. */
    private static final String SLEEP_SECONDS = "60";
    /** Time allowed between the limit passing and the result coming back, on a loaded 2-core machine. */
    private static final Duration TIMEOUT_SLACK = Duration.ofSeconds(10);

    @Test
    public void helloSucceedsWithItsMessageAndMeasuredCost() {
        awaitPlugin(HELLO, PluginState.READY);

        ExecutionResult result = execute(HELLO, Map.of("name", "Pax"));

        assertEquals(result.toString(), ExecutionStatus.SUCCESS, result.status());
        assertEquals("ok", result.value().get("status"));
        assertEquals("Hello, Pax!", result.value().get("message"));
        assertNull(result.error());
        assertTrue("CPU time measured: " + result.telemetry(), result.telemetry().cpuNanos() > 0);
        assertTrue("allocation measured: " + result.telemetry(), result.telemetry().allocatedBytes() > 0);
        assertTrue("wall time measured: " + result.telemetry(), result.telemetry().wallNanos() > 0);
        assertTrue("the execution thread counted: " + result.telemetry(), result.telemetry().peakThreads() >= 1);
    }

    @Test
    public void aThrowingPluginFailsWithItsMessageAndTheHostCarriesOn() {
        awaitPlugin(FAILING, PluginState.READY);
        awaitPlugin(HELLO, PluginState.READY);

        ExecutionResult failed = execute(FAILING, Map.of());

        assertEquals(failed.toString(), ExecutionStatus.FAILED, failed.status());
        assertNotNull(failed.error());
        assertTrue("the plugin's own exception message is reported: " + failed.error(),
                failed.error().contains(FAILING_MESSAGE));
        assertTrue(failed.value().isEmpty());
        // host unaffected: the sandbox bundles still run, the plugin stays executable, other plugins work
        assertEquals(Bundle.ACTIVE, bundle("sandbox.core").orElseThrow().getState());
        assertEquals(PluginState.READY, sandbox.plugin(FAILING).orElseThrow().state());
        assertEquals(ExecutionStatus.FAILED, execute(FAILING, Map.of()).status());
        assertEquals(ExecutionStatus.SUCCESS, execute(HELLO, Map.of("name", "again")).status());
    }

    @Test
    public void aPluginSleepingPastItsLimitTimesOutAndTheNextExecutionRuns() {
        Duration budget = awaitPlugin(SLEEPY, PluginState.READY).config().limits().executionTime();
        awaitPlugin(HELLO, PluginState.READY);

        long start = System.nanoTime();
        ExecutionResult result = execute(SLEEPY, Map.of("seconds", SLEEP_SECONDS));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(result.toString(), ExecutionStatus.TIMEOUT, result.status());
        assertNotNull(result.error());
        // Not a speed test: the plugin sleeps far longer than budget + slack, so returning inside that window is
        // the proof that the limit ended the execution rather than the plugin finishing its sleep.
        assertTrue("ran until its budget " + budget + ", returned after " + waited, waited.compareTo(budget) >= 0);
        assertTrue("the limit ended it: budget " + budget + ", returned after " + waited,
                waited.compareTo(budget.plus(TIMEOUT_SLACK)) < 0);

        ExecutionResult next = execute(HELLO, Map.of("name", "after"));
        assertEquals(next.toString(), ExecutionStatus.SUCCESS, next.status());
        assertEquals("Hello, after!", next.value().get("message"));
    }

    @Test
    public void anUnknownPluginIsAClearResultNotAnException() {
        ExecutionResult result = execute("no.such.plugin", Map.of());

        assertNotEquals(ExecutionStatus.SUCCESS, result.status());
        assertEquals("no.such.plugin", result.pluginId());
        assertNotNull(result.error());
        assertTrue("the error names the id: " + result.error(), result.error().contains("no.such.plugin"));
        assertTrue(result.value().isEmpty());
    }
}
