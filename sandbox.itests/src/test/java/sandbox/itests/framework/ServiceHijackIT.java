package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.itests.Await;
import sandbox.itests.framework.hostile.Installer;
import sandbox.itests.framework.hostile.RunnableRegistrar;
import sandbox.itests.framework.hostile.ServiceProbe;

/**
 * E11: plugins cannot hijack what trusted bundles consume. A plugin exporting a package a trusted bundle imports, at a
 * higher version, is never wired to it (a plugin importer of the same range is, so the bait is real); a plugin's
 * {@code Runnable} at {@code Integer.MAX_VALUE} ranking is invisible to trusted lookups, trackers and listeners at
 * every level, and visible once the operator grants {@code framework;target=java.lang.Runnable;actions=register}.
 * Plugins still see each other's services, and the {@code Plugin} services still reach the container.
 */
public class ServiceHijackIT extends FrameworkDefenceSupport {
    private static final String API = "e11.hijacked.api";
    private static final String ONLY_PLUGIN = "e11.only.plugin";
    private static final String RUNNABLE = Runnable.class.getName();

    @Test
    public void aTrustedImporterStaysWiredToTheTrustedExporterWhateverVersionAPluginOffers() throws Exception {
        Bundle trustedExporter = installTrusted("itest.e11.trusted.exporter",
                Map.of("Export-Package", API + ";version=\"1.0.0\""));
        Bundle pluginExporter = installHostile("hostile.e11.exporter", null,
                Map.of("Export-Package", API + ";version=\"2.0.0\"," + ONLY_PLUGIN + ";version=\"1.0.0\""));
        Bundle trustedImporter = installTrusted("itest.e11.trusted.importer",
                Map.of("Import-Package", API + ";version=\"[1,3)\""));
        Bundle pluginImporter = installHostile("hostile.e11.importer", null,
                Map.of("Import-Package", API + ";version=\"[1,3)\""));
        assertTrue("test bug: the importer must be trusted", underTrustedPrefix(trustedImporter));

        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.resolveBundles(List.of(trustedExporter, pluginExporter, trustedImporter, pluginImporter));

        assertEquals("the trusted importer's provider of " + API, trustedExporter, provider(trustedImporter, API));
        assertEquals("a plugin importer takes the higher version: the bait is real", pluginExporter, provider(pluginImporter, API));

        Bundle onlyPlugin = installTrusted("itest.e11.trusted.importer2", Map.of("Import-Package", ONLY_PLUGIN));
        assertFalse("a trusted bundle whose import only a plugin exports stays unresolved",
                wiring.resolveBundles(List.of(onlyPlugin)));
        assertEquals(Bundle.INSTALLED, onlyPlugin.getState());
    }

    @Test
    public void aPluginsRunnableIsInvisibleToTrustedConsumersAtEveryLevel() throws Exception {
        ServiceRegistration<Runnable> host = registerHostRunnable();
        ServiceTracker<Runnable, Runnable> tracker = new ServiceTracker<>(context, Runnable.class, null);
        tracker.open();
        List<String> heard = listen();
        try {
            policy("hostile.e11.minimal", IsolationLevel.MINIMAL);
            for (String bsn : new String[] {"hostile.e11.standard", "hostile.e11.minimal"}) {
                Bundle b = installHostile(bsn, RunnableRegistrar.class, Map.of());
                awaitPolicy(bsn, bsn.endsWith("minimal") ? IsolationLevel.MINIMAL : IsolationLevel.STANDARD, 0);
                start(b);
                assertEquals("registered", outcome(bsn, "register"));
                assertEquals("the plugin did register its Runnable", 1, registered(b, RUNNABLE).size());

                assertEquals("getServiceReference", "host", mark(context.getServiceReference(Runnable.class)));
                assertEquals("getServiceReferences", List.of("host"), marks(context.getServiceReferences(RUNNABLE, null)));
                assertEquals("getAllServiceReferences", List.of("host"), marks(context.getAllServiceReferences(RUNNABLE, null)));
                assertEquals("ServiceTracker", List.of("host"), marks(tracker.getServiceReferences()));
                assertEquals("ServiceListener events", List.of(), heard);
            }

            Bundle viewer = installHostile("hostile.e11.viewer", ServiceProbe.class, Map.of("Hostile-Services", RUNNABLE));
            start(viewer);
            assertEquals("plugins still see plugins' services", "found", outcome("hostile.e11.viewer", RUNNABLE));

            ExecutionResult hello = execute("example.hello", Map.of("name", "e11"));
            assertEquals("Plugin services still reach the container: " + hello, ExecutionStatus.SUCCESS, hello.status());
            assertTrue(gogo("sandbox:list").text().contains("hostile.e11.standard"));
        } finally {
            tracker.close();
            host.unregister();
        }
    }

    @Test
    public void aRegisterGrantMakesThePluginsRunnableVisible() throws Exception {
        ServiceRegistration<Runnable> host = registerHostRunnable();
        ServiceTracker<Runnable, Runnable> tracker = new ServiceTracker<>(context, Runnable.class, null);
        tracker.open();
        List<String> heard = listen();
        try {
            String bsn = "hostile.e11.granted";
            String pid = policy(bsn, IsolationLevel.STANDARD, "framework;target=\"" + RUNNABLE + "\";actions=register");
            Bundle b = installHostile(bsn, RunnableRegistrar.class, Map.of());
            awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
            start(b);
            assertEquals("registered", outcome(bsn, "register"));
            assertEquals("the highest ranking wins once granted", bsn, mark(context.getServiceReference(Runnable.class)));
            assertEquals(List.of(bsn, "host"), marks(tracker.getServiceReferences()));
            assertEquals(List.of(bsn), heard);

            updatePolicy(pid, PolicyAdmin.entry(bsn, "STANDARD"));
            awaitPolicy(bsn, IsolationLevel.STANDARD, 0);
            Await.untilTrue("a lookup after the grant is withdrawn skips the plugin's Runnable",
                    () -> "host".equals(mark(context.getServiceReference(Runnable.class))));
            b.stop();
            assertEquals("the tracker saw the plugin's Runnable go although it is no longer granted",
                    List.of("host"), marks(tracker.getServiceReferences()));
        } finally {
            tracker.close();
            host.unregister();
        }
    }

    private ServiceRegistration<Runnable> registerHostRunnable() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(RunnableRegistrar.MARK, "host");
        return context.registerService(Runnable.class, () -> { }, props);
    }

    /** @return the marks of the Runnables a trusted listener hears registered from now on */
    private List<String> listen() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED && !"host".equals(mark(event.getServiceReference()))) {
                heard.add(mark(event.getServiceReference()));
            }
        };
        context.addServiceListener(listener, "(objectClass=" + RUNNABLE + ")");
        return heard;
    }

    private static String mark(ServiceReference<?> ref) {
        assertNotNull("no Runnable service at all", ref);
        return String.valueOf(ref.getProperty(RunnableRegistrar.MARK));
    }

    /** @return marks ordered by ranking, highest first */
    private static List<String> marks(ServiceReference<?>[] refs) {
        if (refs == null) {
            return List.of();
        }
        ServiceReference<?>[] sorted = refs.clone();
        Arrays.sort(sorted, java.util.Collections.reverseOrder());
        List<String> out = new ArrayList<>();
        for (ServiceReference<?> r : sorted) {
            out.add(mark(r));
        }
        return out;
    }

    private static Bundle provider(Bundle importer, String pkg) {
        for (BundleWire w : importer.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return w.getProvider().getBundle();
            }
        }
        throw new AssertionError(importer.getSymbolicName() + " (state " + importer.getState() + ") has no wire for " + pkg);
    }

    /** Installs a manifest-only bundle at a location under a trusted prefix, as the operator's infrastructure. */
    private Bundle installTrusted(String bsn, Map<String, String> headers) throws IOException, BundleException {
        Path jar = HostileBundles.write(scratchDir().resolve(bsn + ".jar"), bsn, null, headers);
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(Installer.trustedFolder(context) + "itest-" + bsn + ".jar", in);
        }
    }

    private boolean underTrustedPrefix(Bundle b) {
        return Arrays.stream(context.getProperty("sandbox.trusted.locations").split(","))
                        .anyMatch(p -> b.getLocation().startsWith(p.trim()));
    }
}
