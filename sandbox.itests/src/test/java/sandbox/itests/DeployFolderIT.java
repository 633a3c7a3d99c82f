package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PluginInfo;
import sandbox.api.PluginState;

/**
 * The deploy folder: FileInstall installs what is dropped there as an untrusted plugin and reports what it cannot.
 *
 * <p>FileInstall itself says nothing about a file that is not a zip at all (it skips it quietly); the launcher's
 * deploy-folder report covers that case and is tested with the real process in sandbox.distribution's
 * DistributionIT. Here such a file is only checked to stay uninstalled and harmless.
 */
public class DeployFolderIT extends SandboxTestSupport {

    @Test
    public void aValidPluginDroppedIntoDeployIsInstalledRunsAndLeavesWhenRemoved() throws Exception {
        Path staged = PluginJars.withHeaders(ReactorBundles.jar("example.hello"), scratchDir().resolve("deployed.jar"),
                Map.of("Bundle-SymbolicName", "example.deployed"));

        Path deployed = deploy(staged);

        PluginInfo info = awaitPlugin("example.deployed", PluginState.READY);
        Bundle bundle = context.getBundle(info.bundleId());
        assertTrue("installed from the deploy folder: " + bundle.getLocation(),
                Paths.get(URI.create(bundle.getLocation())).startsWith(deployDir()));
        ExecutionResult result = execute("example.deployed", Map.of("name", "deploy"));
        assertEquals(result.toString(), ExecutionStatus.SUCCESS, result.status());
        assertEquals("Hello, deploy!", result.value().get("message"));

        Files.delete(deployed);

        awaitPluginGone("example.deployed");
        Await.untilTrue("bundle example.deployed to be uninstalled", () -> bundle("example.deployed").isEmpty());
        assertEquals(Bundle.UNINSTALLED, bundle.getState());
    }

    @Test
    public void malformedJarsAreReportedNotInstalledAndRunningPluginsKeepWorking() throws Exception {
        awaitPlugin("example.hello", PluginState.READY);
        int bundlesBefore = context.getBundles().length;
        try (LogCapture log = LogCapture.of(LogCapture.FILEINSTALL)) {
            // not a zip at all, then a jar whose manifest the framework rejects (an invalid Bundle-Version)
            Path garbage = deploy(PluginJars.notAZip(scratchDir().resolve("garbage.jar")));
            Path broken = deploy(PluginJars.withHeaders(ReactorBundles.jar("example.hello"),
                    scratchDir().resolve("broken.jar"),
                    Map.of("Bundle-SymbolicName", "example.broken", "Bundle-Version", "not-a-version")));

            Await.untilTrue("FileInstall to report " + broken + "; log so far:\n" + log.dump(),
                    () -> !log.find(Level.SEVERE, broken.getFileName().toString()).isEmpty());

            assertTrue("the report says why: " + log.dump(), log.dump().contains("not-a-version"));
            assertFalse("example.broken must not be installed", bundle("example.broken").isPresent());
            assertFalse("garbage.jar must not be installed", Arrays.stream(context.getBundles())
                    .anyMatch(b -> b.getLocation().endsWith(garbage.getFileName().toString())));
            assertEquals(bundlesBefore, context.getBundles().length);
        }
        ExecutionResult result = execute("example.hello", Map.of("name", "still here"));
        assertEquals(result.toString(), ExecutionStatus.SUCCESS, result.status());
        assertEquals(PluginState.READY, sandbox.plugin("example.failing").orElseThrow().state());
    }
}
