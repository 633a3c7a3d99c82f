package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.itests.framework.hostile.BundleProbe;
import sandbox.itests.framework.hostile.Installer;

/**
 * E2, E7, E8: a plugin cannot get hold of infrastructure bundles (to stop them or take their context); E1: a bundle a
 * plugin installs never runs as infrastructure; E6: a plugin fragment cannot join a trusted bundle's class loader.
 */
public class InfrastructureBundlesIT extends FrameworkDefenceSupport {

    @Test
    public void infrastructureBundlesAreHiddenFromPlugins() throws Exception {
        policy("hostile.bundles.strict", IsolationLevel.STRICT);
        for (String bsn : new String[] {"hostile.bundles.standard", "hostile.bundles.strict"}) {
            Bundle b = installHostile(bsn, BundleProbe.class, Map.of());
            awaitPolicy(bsn, bsn.endsWith("strict") ? IsolationLevel.STRICT : IsolationLevel.STANDARD, 0);
            start(b);
            String visible = outcome(bsn, "getBundles");
            assertTrue(visible, visible.contains(bsn) && visible.contains("example.hello"));
            for (String hidden : List.of("sandbox.core", "sandbox.api", "org.apache.felix.scr", "org.apache.felix.framework")) {
                assertFalse(bsn + " sees " + hidden + ": " + visible, visible.contains(hidden));
            }
            assertEquals("hidden", outcome(bsn, "getBundle(0)"));
            assertTrue(awaitViolation(bsn, PermissionKind.FRAMEWORK, "BundleContext.getBundle",
                    context.getBundle(0).getSymbolicName() + " (bundle 0)").enforced());
        }
    }

    @Test
    public void aLifecycleGrantShowsThatBundle() throws Exception {
        String bsn = "hostile.bundles.granted";
        policy(bsn, IsolationLevel.STANDARD, "framework;target=\"sandbox.core\";actions=lifecycle");
        Bundle b = installHostile(bsn, BundleProbe.class, Map.of());
        awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
        start(b);
        String visible = outcome(bsn, "getBundles");
        assertTrue(visible, visible.contains("sandbox.core"));
        assertFalse(visible, visible.contains("sandbox.api"));
    }

    @Test
    public void aBundleAPluginInstallsNeverRunsAsInfrastructureNorWithoutTheRight() throws Exception {
        Bundle minter = installHostile("hostile.installer.trusted", Installer.class,
                Map.of("Hostile-Install-Bsn", "hostile.minted.trusted", "Hostile-Install-Location", "trusted"));
        start(minter);
        String key = "install " + Installer.trustedFolder(context) + "minted-hostile.minted.trusted.jar";
        assertTrue(outcome("hostile.installer.trusted", key), outcome("hostile.installer.trusted", key).startsWith("not "));
        assertTrue(awaitViolation("hostile.installer.trusted", PermissionKind.FRAMEWORK, "BundleContext.installBundle",
                key.substring("install ".length())).enforced());

        Bundle plain = installHostile("hostile.installer.plain", Installer.class,
                Map.of("Hostile-Install-Bsn", "hostile.minted.plain", "Hostile-Install-Location", "mem:hostile.minted.plain"));
        start(plain);
        assertTrue(outcome("hostile.installer.plain", "install mem:hostile.minted.plain").startsWith("not "));

        policy("hostile.installer.granted", IsolationLevel.STANDARD, "framework;target=\"hostile.minted.ok\";actions=lifecycle");
        Bundle granted = installHostile("hostile.installer.granted", Installer.class,
                Map.of("Hostile-Install-Bsn", "hostile.minted.ok", "Hostile-Install-Location", "mem:hostile.minted.ok"));
        awaitPolicy("hostile.installer.granted", IsolationLevel.STANDARD, 1);
        start(granted);
        assertEquals("started", outcome("hostile.installer.granted", "install mem:hostile.minted.ok"));
    }

    @Test
    public void aPluginFragmentCannotAttachToATrustedHostButMayToAPlugin() throws Exception {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        // sandbox.telemetry is trusted and cheap to refresh: a fragment can only attach while its host resolves.
        Bundle telemetry = bundle("sandbox.telemetry").orElseThrow();
        Bundle onTrusted = installHostile("hostile.fragment.trusted", null, Map.of("Fragment-Host", "sandbox.telemetry"));
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(telemetry), event -> refreshed.countDown());
        assertTrue("refresh of sandbox.telemetry finished", refreshed.await(20, TimeUnit.SECONDS));
        assertFalse(wiring.resolveBundles(List.of(onTrusted)));
        assertEquals(Bundle.INSTALLED, onTrusted.getState());
        assertTrue("the host itself still resolves", (telemetry.getState() & (Bundle.RESOLVED | Bundle.ACTIVE)) != 0);
        assertTrue(awaitViolation("hostile.fragment.trusted", PermissionKind.FRAMEWORK, "Fragment-Host", "sandbox.telemetry").enforced());

        Bundle host = installHostile("hostile.fragment.host", null, Map.of());
        Bundle onPlugin = installHostile("hostile.fragment.onplugin", null, Map.of("Fragment-Host", "hostile.fragment.host"));
        assertTrue(wiring.resolveBundles(List.of(host, onPlugin)));
        assertEquals(Bundle.RESOLVED, onPlugin.getState());
    }
}
