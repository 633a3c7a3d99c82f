package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import sandbox.api.PluginState;

/** The {@code sandbox:} Gogo commands, run through the real command processor as the shell runs them. */
public class GogoCommandsIT extends SandboxTestSupport {

    /** The telemetry line of sandbox:run, e.g. {@code wall 3.1 ms, CPU 2.9 ms, allocated 41.2 KB, peak threads 1}. */
    private static final Pattern TELEMETRY =
            Pattern.compile("wall ([0-9.]+) ms, CPU ([0-9.]+) ms, allocated ([0-9.]+) (B|KB|MB), peak threads ([0-9]+)");

    @Test
    public void listShowsEveryPluginWithStateAndLevel() throws Exception {
        for (String id : ReactorBundles.EXAMPLE_PLUGINS) {
            awaitPlugin(id, PluginState.READY);
        }

        GogoSession.Output output = gogo("sandbox:list");

        assertNull(output.text(), output.failure());
        for (String id : ReactorBundles.EXAMPLE_PLUGINS) {
            assertTrue(id + " listed READY at STANDARD:\n" + output.out(),
                    Pattern.compile("(?m)^" + Pattern.quote(id) + " .*READY +STANDARD").matcher(output.out()).find());
        }
        assertFalse("no infrastructure listed:\n" + output.out(), output.out().contains("sandbox.core"));
    }

    @Test
    public void runPrintsSuccessTheValueAndNonZeroCpuAndAllocation() throws Exception {
        awaitPlugin("example.hello", PluginState.READY);

        GogoSession.Output output = gogo("sandbox:run example.hello name=Gogo");

        assertNull(output.text(), output.failure());
        String text = output.out();
        assertTrue(text, text.startsWith("example.hello: SUCCESS"));
        assertTrue(text, text.contains("message = Hello, Gogo!"));
        assertTrue(text, text.contains("status = ok"));
        Matcher telemetry = TELEMETRY.matcher(text);
        assertTrue("telemetry line in:\n" + text, telemetry.find());
        assertTrue("CPU figure is not zero: " + telemetry.group(), Double.parseDouble(telemetry.group(2)) > 0);
        assertTrue("allocation figure is not zero: " + telemetry.group(), Double.parseDouble(telemetry.group(3)) > 0);
    }

    @Test
    public void runReportsAFailingPluginWithoutAStackTrace() throws Exception {
        awaitPlugin("example.failing", PluginState.READY);

        GogoSession.Output output = gogo("sandbox:run example.failing");

        assertNull(output.text(), output.failure());
        assertTrue(output.out(), output.out().startsWith("example.failing: FAILED"));
        assertTrue(output.out(), output.out().contains("failed on purpose"));
        assertFalse("no stack trace:\n" + output.out(), output.out().contains("\tat "));
    }

    @Test
    public void badArgumentsGetAClearMessage() throws Exception {
        awaitPlugin("example.hello", PluginState.READY);

        String unknown = gogo("sandbox:run no.such.plugin").text();
        assertTrue(unknown, unknown.contains("unknown plugin 'no.such.plugin'"));
        assertTrue("names the known plugins: " + unknown, unknown.contains("example.hello"));

        String notKeyValue = gogo("sandbox:run example.hello Ada").text();
        assertTrue(notKeyValue, notKeyValue.contains("argument 'Ada' is not key=value"));
        assertTrue("shows the usage: " + notKeyValue, notKeyValue.contains("usage: sandbox:run <plugin>"));

        String noArguments = gogo("sandbox:run").text();
        assertTrue(noArguments, noArguments.contains("usage: sandbox:run <plugin>"));

        assertEquals("nothing was executed by the bad calls", PluginState.READY, sandbox.plugin("example.hello").orElseThrow().state());
    }
}
