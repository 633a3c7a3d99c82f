package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PluginPermissions;
import sandbox.api.PluginState;

/**
 * A plugin whose {@code Sandbox-Permissions} header does not parse is never run with a guessed policy: it is FAILED,
 * and what the container shows says which clause is wrong. The bundles are example.hello with headers rewritten.
 */
public class PermissionHeaderIT extends SandboxTestSupport {

    private static final String BAD_CLAUSE = "teleport;target=\"moon\"";

    @Test
    public void aMalformedPermissionsHeaderMakesThePluginFailedWithTheReason() throws Exception {
        Path jar = PluginJars.withHeaders(ReactorBundles.jar("example.hello"), scratchDir().resolve("badheader.jar"),
                Map.of("Bundle-SymbolicName", "example.badheader",
                        PluginPermissions.HEADER, "property;target=\"user.home\";actions=read," + BAD_CLAUSE));

        installPlugin(jar);

        awaitPlugin("example.badheader", PluginState.FAILED);
        ExecutionResult result = execute("example.badheader", Map.of());
        assertNotEquals(result.toString(), ExecutionStatus.SUCCESS, result.status());
        assertNotNull(result.error());
        assertTrue("the error names the bad clause: " + result.error(), result.error().contains("teleport"));
        String list = gogo("sandbox:list").text();
        assertTrue("sandbox:list shows the plugin FAILED: " + list, list.contains("example.badheader") && list.contains("FAILED"));
        assertTrue("sandbox:list says which clause is wrong: " + list, list.contains("teleport"));
    }

    /** Control: the same rewriting with a well-formed header gives a READY plugin, so the header is the cause. */
    @Test
    public void theSameBundleWithAWellFormedHeaderIsReady() throws Exception {
        Path jar = PluginJars.withHeaders(ReactorBundles.jar("example.hello"), scratchDir().resolve("goodheader.jar"),
                Map.of("Bundle-SymbolicName", "example.goodheader",
                        PluginPermissions.HEADER, "property;target=\"user.home\";actions=read"));

        installPlugin(jar);

        awaitPlugin("example.goodheader", PluginState.READY);
        assertEquals(1, sandbox.plugin("example.goodheader").orElseThrow().requested().grants().size());
        assertEquals(ExecutionStatus.SUCCESS, execute("example.goodheader", Map.of("name", "x")).status());
    }
}
