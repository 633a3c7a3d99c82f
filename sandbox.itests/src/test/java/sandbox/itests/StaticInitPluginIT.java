package sandbox.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginState;
import sandbox.itests.staticinit.StaticInitPlugin;

/**
 * A plugin whose first loaded class has a static initialiser: the weaver inserts its guard binding and runaway
 * signal there, and reflection guards, checks and polls in its methods, while the bundle is not yet wired to the
 * sandbox packages those calls name (the dynamic imports the weave adds are wired only once a woven class is
 * defined). The class must load, run and be guarded. And a plain method reference is no reflection: allowed at
 * STRICT too.
 */
public class StaticInitPluginIT extends SandboxTestSupport {
    private static final String BSN = "itest.staticinit";

    @Test
    public void aPluginWhoseFirstClassHasAStaticInitialiserLoadsRunsAndIsGuarded() throws Exception {
        installPlugin(writePlugin(scratchDir().resolve(BSN + ".jar")));
        awaitPlugin(BSN, PluginState.READY);

        ExecutionResult ran = execute(BSN, Map.of());
        assertEquals(ran.toString(), ExecutionStatus.SUCCESS, ran.status());
        assertEquals(Map.of("probe", "true", "startedBy", "StaticInitPlugin", "reflected", "4", "sum", "45"),
                ran.value());

        Path secret = Files.writeString(scratchDir().resolve("secret.txt"), "secret");
        ExecutionResult read = execute(BSN, Map.of("read", secret.toString()));
        assertEquals(read.toString(), ExecutionStatus.DENIED, read.status());
    }

    @Test
    public void aPlainMethodReferenceIsAllowedAtStrictAndTheGuardStillDenies() throws Exception {
        installPlugin(writePlugin(scratchDir().resolve(BSN + ".jar")));
        awaitPlugin(BSN, PluginState.READY);
        strict(BSN);
        Await.untilTrue(BSN + " guarded at STRICT", () -> guard(BSN).contains(" level " + IsolationLevel.STRICT + " "));

        ExecutionResult ran = execute(BSN, Map.of("reference", ""));
        assertEquals(ran.toString(), ExecutionStatus.SUCCESS, ran.status());
        assertEquals(Map.of("name", BSN), ran.value());

        Path secret = Files.writeString(scratchDir().resolve("secret.txt"), "secret");
        ExecutionResult read = execute(BSN, Map.of("read", secret.toString()));
        assertEquals(read.toString(), ExecutionStatus.DENIED, read.status());
    }

    private String guard(String plugin) {
        try {
            return gogo("sandbox:guard " + plugin).text();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A {@code sandbox.policy} factory configuration at STRICT, through Configuration Admin by reflection (as ReflectionCorpusIT). */
    private void strict(String plugin) throws Exception {
        ServiceReference<?> ref = Await.until("Configuration Admin",
                () -> java.util.Optional.ofNullable(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin")));
        Object admin = context.getService(ref);
        ClassLoader api = admin.getClass().getClassLoader();
        Class<?> adminType = api.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object config = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, "sandbox.policy", plugin.replace('.', '-'), "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("match", plugin);
        props.put("level", IsolationLevel.STRICT.name());
        Method update = api.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(config, props);
        context.ungetService(ref);
    }

    /** The fixture's compiled class, copied from the probe into a bundle whose activator it is. */
    private static Path writePlugin(Path target) throws IOException {
        Manifest m = FixtureJars.bundleManifest(BSN);
        Attributes a = m.getMainAttributes();
        a.putValue("Bundle-Activator", StaticInitPlugin.class.getName());
        a.putValue("Import-Package", "org.osgi.framework,sandbox.api");
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, m)) {
            FixtureJars.addClass(jar, StaticInitPlugin.class.getName());
        }
        return target;
    }
}
