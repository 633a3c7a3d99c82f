package sandbox.core.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.ExecutionTelemetry;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginInfo;
import sandbox.api.PluginPermissions;
import sandbox.api.PluginState;

public class CommandFormatTest {

    @Test
    public void keyValueArgumentsBecomeTheInput() {
        assertEquals(Map.of("name", "Ada", "expr", "a=b", "empty", ""), InputArguments.parse("name=Ada", "expr=a=b", "empty="));
        assertTrue(InputArguments.parse().isEmpty());
    }

    @Test
    public void malformedArgumentsAreNamed() {
        expectBad("argument 'Ada' is not key=value", "Ada");
        expectBad("argument '=x' has an empty key", "=x");
        expectBad("key 'a' is given twice", "a=1", "a=2");
    }

    private static void expectBad(String message, String... args) {
        try {
            InputArguments.parse(args);
            fail("accepted " + List.of(args));
        } catch (IllegalArgumentException e) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    public void thePluginTableHasAlignedColumnsAndTheNotGrantedPermissions() {
        PluginInfo hello = new PluginInfo("example.hello", "0.1.0.SNAPSHOT", 12, PluginState.READY, IsolationConfig.DEFAULTS,
                PluginPermissions.NONE, PluginPermissions.NONE);
        PluginInfo net = new PluginInfo("net", "1.0.0", 7, PluginState.FAILED,
                IsolationConfig.DEFAULTS.withLevel(IsolationLevel.STRICT),
                PluginPermissions.parse("network;target=\"a.example:443\";actions=connect"), PluginPermissions.NONE);
        String table = CommandFormat.pluginTable(List.of(hello, net));
        assertEquals(String.join("\n",
                "ID             VERSION         BUNDLE  STATE   LEVEL     NOT GRANTED",
                "example.hello  0.1.0.SNAPSHOT  12      READY   STANDARD  -",
                "net            1.0.0           7       FAILED  STRICT    network;target=\"a.example:443\";actions=\"connect\"",
                ""), table);
        assertEquals("No plugins installed.", CommandFormat.pluginTable(List.of()));
    }

    @Test
    public void aRequestCoveredByABroaderGrantIsNotListedAsNotGranted() {
        PluginInfo cache = new PluginInfo("cache", "1.0.0", 3, PluginState.READY, IsolationConfig.DEFAULTS,
                PluginPermissions.parse("file;target=\"cache/a.txt\";actions=read,file;target=\"/etc/passwd\";actions=read"),
                PluginPermissions.parse("file;target=\"cache/**\";actions=\"read,write\""));
        String table = CommandFormat.pluginTable(List.of(cache));
        assertTrue(table, table.contains("/etc/passwd"));
        assertTrue(table, !table.contains("cache/a.txt"));
    }

    @Test
    public void aResultShowsStatusValueErrorAndTelemetry() {
        ExecutionResult ok = new ExecutionResult("example.hello", ExecutionStatus.SUCCESS,
                Map.of("status", "ok", "message", "Hello, world!"), null,
                new ExecutionTelemetry(12_345_678, 4_000_000, 1_258_291, 1));
        assertEquals(String.join("\n",
                "example.hello: SUCCESS",
                "  message = Hello, world!",
                "  status = ok",
                "  wall 12.3 ms, CPU 4.0 ms, allocated 1.2 MB, peak threads 1"), CommandFormat.result(ok));
        ExecutionResult failed = new ExecutionResult("example.failing", ExecutionStatus.FAILED, null,
                "java.lang.IllegalStateException: bad", new ExecutionTelemetry(1_000_000, 500_000, 2_048, 1));
        assertEquals(String.join("\n",
                "example.failing: FAILED",
                "  error: java.lang.IllegalStateException: bad",
                "  wall 1.0 ms, CPU 0.5 ms, allocated 2.0 KB, peak threads 1"), CommandFormat.result(failed));
    }

    @Test
    public void bytesUseTheLargestFittingUnit() {
        assertEquals("512 B", CommandFormat.bytes(512));
        assertEquals("1.5 KB", CommandFormat.bytes(1_536));
        assertEquals("64.0 MB", CommandFormat.bytes(64L * 1024 * 1024));
    }
}
