package sandbox.core.reflect;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.ClassBytes;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.GuardTransform;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.WeaveContext;
import sandbox.core.weaving.WeavingPipeline;

/**
 * A plugin for unit tests without a framework: the compiled classes of package {@code reflsamples} woven by the
 * real pipeline (this step, then the guard step) into a class loader registered as the plugin's bundle. Its class
 * space is like a bundle's: its own classes, {@code java.*}/{@code javax.*}/{@code jdk.*}, {@code sun.*}/{@code com.sun.*}
 * (boot delegation, as many Felix set-ups have it: the worst case) and the guard package; nothing else of the test
 * class path (so {@code reflhost.*} is foreign, as another bundle's private class is).
 */
final class WovenPlugin {
    static final WeavingPipeline PIPELINE = new WeavingPipeline(List.of(new MetaTransform(),
            new GuardTransform(SensitiveApiTable.INSTANCE)));
    private static final AtomicLong IDS = new AtomicLong(7000);

    static {
        RuntimeDefinitions.connect(PIPELINE);
    }

    final long bundleId = IDS.incrementAndGet();
    final PolicyHandle handle;
    final Loader loader = new Loader();

    WovenPlugin(IsolationLevel level, String grants) {
        handle = new PolicyHandle("test.reflect" + bundleId, "1.0.0", bundleId, null,
                IsolationConfig.DEFAULTS.withLevel(level), PluginPermissions.parse(grants), null);
        HandleRegistry.register(handle);
        LoaderIdentity.register(loader, bundleId);
    }

    /** Calls a public static method of a sample class, by name; what it throws is thrown as it is. */
    Object call(String sample, String method, Object... args) throws Throwable {
        Class<?> c = loader.loadClass("reflsamples." + sample);
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(sample + "." + method);
    }

    static byte[] bytes(String className) throws IOException {
        try (InputStream in = WovenPlugin.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    final class Loader extends ClassLoader {
        Loader() {
            super("plugin-" + bundleId, WovenPlugin.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    if (name.startsWith("reflsamples.")) {
                        c = findClass(name);
                    } else if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                            || name.startsWith("sun.") || name.startsWith("com.sun.") || name.startsWith("sandbox.core.guard.")) {
                        c = getParent().loadClass(name);
                    } else {
                        throw new ClassNotFoundException(name + " is not in the plugin's class space");
                    }
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try {
                byte[] woven = PIPELINE.weave(bytes(name), new WeaveContext(name, bundleId, handle.pluginId(),
                        new ClassHierarchy(ClassBytes.of(getParent()))));
                return defineClass(name, woven, 0, woven.length);
            } catch (IOException | RuntimeException e) {
                throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
            }
        }
    }
}
