package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.PluginInfo;
import sandbox.api.PluginState;

/**
 * The trust rule as the tests configure it (see {@link SandboxContainerOptions}): the example plugins must be
 * classified as plugins, and nothing else may be. If a plugin were trusted by accident, every security test would
 * pass for the wrong reason; if infrastructure were a plugin, it would be woven and limited.
 */
public class TrustClassificationIT extends SandboxTestSupport {

    @Test
    public void examplePluginsAreListedAsPlugins() {
        for (String id : ReactorBundles.EXAMPLE_PLUGINS) {
            PluginInfo info = awaitPlugin(id, PluginState.READY);
            Bundle bundle = context.getBundle(info.bundleId());
            assertEquals(id, bundle.getSymbolicName());
            assertTrue("plugin " + id + " must come from its reactor jar, not a trusted folder: " + bundle.getLocation(),
                    bundle.getLocation().endsWith("/" + id + "/target/" + ReactorBundles.jar(id).getFileName()));
        }
    }

    @Test
    public void onlyTheExamplePluginsAreListed() {
        for (String id : ReactorBundles.EXAMPLE_PLUGINS) {
            awaitPlugin(id, PluginState.READY);
        }
        Set<String> listed = sandbox.plugins().stream().map(PluginInfo::id).collect(Collectors.toSet());
        assertEquals(Set.of(ReactorBundles.EXAMPLE_PLUGINS), listed);
    }

    @Test
    public void infrastructureProbeAndPaxExamBundlesAreNotPlugins() {
        for (String id : ReactorBundles.EXAMPLE_PLUGINS) {
            awaitPlugin(id, PluginState.READY);
        }
        Set<String> plugins = Set.of(ReactorBundles.EXAMPLE_PLUGINS);
        int infrastructure = 0;
        for (Bundle bundle : context.getBundles()) {
            if (plugins.contains(bundle.getSymbolicName())) {
                continue;
            }
            infrastructure++;
            assertFalse(bundle.getSymbolicName() + " (" + bundle.getLocation() + ") is trusted infrastructure but is listed as a plugin",
                    sandbox.plugin(bundle.getSymbolicName()).isPresent());
            assertFalse(bundle.getSymbolicName() + " (" + bundle.getLocation() + ") is listed under its bundle id",
                    sandbox.plugins().stream().anyMatch(p -> p.bundleId() == bundle.getBundleId()));
        }
        // not vacuous: the sandbox bundles, the third-party bundles, Pax Exam's bundles and the probe were all checked
        for (String name : new String[] {"sandbox.api", "sandbox.core", "sandbox.monitor", "org.apache.felix.scr",
                "org.apache.felix.fileinstall", "org.ops4j.pax.exam", "org.apache.servicemix.bundles.junit"}) {
            assertTrue(name + " is installed", bundle(name).isPresent());
        }
        assertTrue("the probe is installed", Arrays.stream(context.getBundles())
                .anyMatch(b -> SandboxContainerOptions.PROBE_LOCATION.equals(b.getLocation())));
        assertTrue("checked " + infrastructure + " bundles", infrastructure > 25);
    }
}
