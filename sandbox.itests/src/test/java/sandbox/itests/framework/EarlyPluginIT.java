package sandbox.itests.framework;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;
import sandbox.itests.Await;
import sandbox.itests.ReactorBundles;
import sandbox.itests.SandboxContainerOptions;
import sandbox.itests.framework.hostile.BundleProbe;

/**
 * E13: a plugin started before sandbox.core (start level 1) resolves and defines classes before any sandbox hook
 * exists. When the core starts it refreshes such plugins, so they resolve again through the resolver hook (and their
 * classes are defined again through the weaving hook). Observable: the early plugin's optional import of
 * {@code sun.misc}, wired while nobody filtered, is gone after the refresh.
 */
public class EarlyPluginIT extends FrameworkDefenceSupport {
    private static final String BSN = "hostile.early";

    @Override
    @Configuration
    public Option[] config() {
        try {
            Path dir = Files.createDirectories(ReactorBundles.workDir().resolve("early"));
            Path jar = HostileBundles.write(dir.resolve(BSN + ".jar"), BSN, BundleProbe.class,
                    Map.of("Import-Package", "org.osgi.framework,sun.misc;resolution:=optional"));
            return OptionUtils.combine(SandboxContainerOptions.container(),
                    org.ops4j.pax.exam.CoreOptions.bundle(ReactorBundles.location(jar)).startLevel(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void aPluginResolvedBeforeTheSandboxIsRefreshedThroughItsHooks() {
        Bundle early = bundle(BSN).orElseThrow();
        Await.untilTrue(BSN + " active without a sun.misc wire (now " + wiredPackages(early) + ")",
                () -> early.getState() == Bundle.ACTIVE && !wiredPackages(early).contains("sun.misc"));
        assertTrue(wiredPackages(early).contains("org.osgi.framework"));
    }

    private static String wiredPackages(Bundle b) {
        BundleWiring w = b.adapt(BundleWiring.class);
        if (w == null) {
            return "(not resolved)";
        }
        return w.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .map(wire -> String.valueOf(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .toList().toString();
    }
}
