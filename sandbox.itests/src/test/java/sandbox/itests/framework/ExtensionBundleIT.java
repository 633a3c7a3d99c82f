package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import sandbox.api.IsolationLevel;
import sandbox.itests.ReactorBundles;
import sandbox.itests.framework.hostile.Installer;

/**
 * E6, variant 2: a framework extension fragment ({@code Fragment-Host: system.bundle; extension:=framework}). Felix
 * 7.0.5 attaches one inside {@code installBundle}: its jar joins the framework's class loader (also on JDK 17 without
 * {@code --add-opens}, as run here) and its {@code ExtensionBundle-Activator} starts, before the INSTALLED event, so
 * before any listener or hook of the sandbox runs ({@code InstallOrigins} can only uninstall it afterwards). The
 * container therefore runs with {@code felix.extensions.disable=true} (the launcher sets it; the failsafe JVM here
 * too). Whether a plugin is deployed as one or installs one from its own code (even holding the lifecycle grant for
 * that bundle), it is refused: never installed, never resolved, never hosted by the system bundle, its content never
 * on the framework's class path, its activator never run.
 */
public class ExtensionBundleIT extends FrameworkDefenceSupport {

    /** Writes the extension jar on the driver's side (ASM is on its class path), then the usual container. */
    @Configuration
    @Override
    public Option[] config() {
        try {
            ExtensionJar.write(extensionJar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return super.config();
    }

    private static Path extensionJar() {
        return ReactorBundles.workDir().resolve("extension-bundle").resolve(ExtensionJar.BSN + ".jar");
    }

    @After
    public void clearProperty() {
        System.clearProperty(ExtensionJar.ACTIVATOR_RAN);
    }

    @Test
    public void aPluginDeployedAsAnExtensionFragmentIsRefusedAndNeverAttached() throws Exception {
        assertExtensionsDisabled();
        String location = ReactorBundles.location(extensionJar());
        List<String> events = record(location);
        try {
            Bundle b = context.installBundle(location);
            throw new AssertionError("installed as bundle " + b.getBundleId() + " in state " + b.getState() + ", events " + events);
        } catch (BundleException refused) {
            assertTrue(refused.toString(), String.valueOf(refused.getCause()).contains("Unable to add extension bundle"));
        }
        assertNull(context.getBundle(location));
        assertEquals(List.of(), events);
        assertNeverAttached(location, events);
    }

    @Test
    public void aPluginCannotInstallAnExtensionBundleEvenWithTheLifecycleGrant() throws Exception {
        assertExtensionsDisabled();
        policy("hostile.e6.installer.granted", IsolationLevel.STANDARD,
                "framework;target=\"hostile.e6.minted.granted\";actions=lifecycle");
        for (String variant : new String[] {"plain", "granted"}) {
            String installer = "hostile.e6.installer." + variant;
            String location = "mem:hostile.e6.minted." + variant;
            List<String> events = record(location);
            Bundle b = installHostile(installer, Installer.class, Map.of("Hostile-Install-Bsn", "hostile.e6.minted." + variant,
                    "Hostile-Install-Location", location, "Hostile-Install-Extension", "true"));
            awaitPolicy(installer, IsolationLevel.STANDARD, variant.equals("granted") ? 1 : 0);
            start(b);
            String result = outcome(installer, "install " + location);
            assertTrue(variant + ": " + result, result.startsWith("not installed: org.osgi.framework.BundleException"));
            assertNull(variant + ": still installed", context.getBundle(location));
            assertEquals(variant, List.of(), events);
            assertNeverAttached(location, events);
        }
    }

    private static void assertExtensionsDisabled() {
        assertEquals("the container must run as the launcher starts it, with extension bundles disabled",
                "true", System.getProperty("felix.extensions.disable"));
    }

    /** Records the bundle events of one location, synchronously, from now on. */
    private List<String> record(String location) {
        List<String> events = new CopyOnWriteArrayList<>();
        context.addBundleListener((SynchronousBundleListener) e -> {
            if (location.equals(e.getBundle().getLocation())) {
                events.add(type(e.getType()));
            }
        });
        return events;
    }

    private void assertNeverAttached(String location, List<String> events) {
        List<String> found = new java.util.ArrayList<>();
        if (events.contains("RESOLVED")) {
            found.add("resolved");
        }
        for (BundleWire w : context.getBundle(0).adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            if (location.equals(w.getRequirer().getBundle().getLocation())) {
                found.add("hosted by the system bundle");
            }
        }
        if (context.getBundle(0).getResource(ExtensionJar.MARKER) != null) {
            found.add("content visible through the system bundle");
        }
        if (Bundle.class.getClassLoader().getResource(ExtensionJar.MARKER) != null) {
            found.add("content on the framework class path");
        }
        if (System.getProperty(ExtensionJar.ACTIVATOR_RAN) != null) {
            found.add("activator ran");
        }
        assertEquals(location + " events " + events, List.of(), found);
    }

    private static String type(int type) {
        switch (type) {
            case BundleEvent.INSTALLED: return "INSTALLED";
            case BundleEvent.RESOLVED: return "RESOLVED";
            case BundleEvent.STARTED: return "STARTED";
            case BundleEvent.UNINSTALLED: return "UNINSTALLED";
            case BundleEvent.UNRESOLVED: return "UNRESOLVED";
            default: return String.valueOf(type);
        }
    }
}
