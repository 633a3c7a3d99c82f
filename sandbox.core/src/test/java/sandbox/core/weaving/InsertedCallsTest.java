package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.reflect.MetaTransform;
import sandbox.core.runaway.RunawayTransform;

/**
 * The calls the weaver inserts (guard binding, checks and metering, reflection guards, runaway polls) name
 * Sandbox's own classes, which a plugin's class space does not have until the framework wires the dynamic imports
 * the weave adds, i.e. after the first class is woven. They must never be looked up there. The plugin's class space
 * here is the test class path without any {@code sandbox/} class, as a bundle's is before its first woven class
 * loads; the full pipeline of the weaving hook weaves a class with a static initialiser of its own.
 */
public class InsertedCallsTest {
    private static final AtomicLong IDS = new AtomicLong(20_000);
    private static final String SAMPLE = "hostile.samples.StaticInitOps";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final long bundleId = IDS.incrementAndGet();
    private final WeavingPipeline pipeline = fullPipeline();

    private static WeavingPipeline fullPipeline() {
        RunawayTransform runaway = new RunawayTransform();
        return new WeavingPipeline(List.of(new MetaTransform(), new GuardTransform(SensitiveApiTable.INSTANCE),
                (next, ctx) -> runaway.wrap(next, ctx.pluginId())));
    }

    /** The plugin's class space before any dynamic import is wired: nothing of Sandbox's own. */
    private static ClassHierarchy unwiredSpace() {
        ClassBytes testPath = ClassBytes.of(InsertedCallsTest.class.getClassLoader());
        return new ClassHierarchy(name -> name.startsWith("sandbox/") ? null : testPath.read(name));
    }

    @Test
    public void aClassWithAStaticInitialiserIsWovenWithoutSandboxClassesInItsSpace() throws Exception {
        byte[] woven = pipeline.weave(original(SAMPLE), new WeaveContext(SAMPLE, bundleId, "test.inserted" + bundleId,
                unwiredSpace()));
        assertTrue(woven.length > 0);
    }

    @Test
    public void theWovenClassRunsAndIsGuarded() throws Throwable {
        PolicyHandle handle = new PolicyHandle("test.inserted" + bundleId, "1.0.0", bundleId, null,
                IsolationConfig.DEFAULTS.withLevel(IsolationLevel.STANDARD), PluginPermissions.parse(""), null);
        HandleRegistry.register(handle);
        Loader loader = new Loader(handle.pluginId());
        LoaderIdentity.register(loader, bundleId);
        Class<?> c = loader.loadClass(SAMPLE);

        assertEquals(true, call(c, "probed"));
        assertEquals(4, call(c, "reflect"));
        assertEquals(4950, call(c, "count", 100));
        Path file = Files.writeString(tmp.newFile("secret.txt").toPath(), "secret");
        try {
            call(c, "read", file.toString());
            fail("a file read without a grant was not denied");
        } catch (SandboxDeniedException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("secret.txt"));
        }
    }

    private static byte[] original(String className) throws IOException {
        try (InputStream in = InsertedCallsTest.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Object call(Class<?> c, String method, Object... args) throws Throwable {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(method);
    }

    /** Weaves the sample against the unwired space; once woven, it links to Sandbox as its dynamic import would. */
    private final class Loader extends ClassLoader {
        private final String pluginId;

        Loader(String pluginId) {
            super("plugin-" + bundleId, InsertedCallsTest.class.getClassLoader());
            this.pluginId = pluginId;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SAMPLE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        byte[] woven = pipeline.weave(original(name), new WeaveContext(name, bundleId, pluginId,
                                unwiredSpace()));
                        c = defineClass(name, woven, 0, woven.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }
}
