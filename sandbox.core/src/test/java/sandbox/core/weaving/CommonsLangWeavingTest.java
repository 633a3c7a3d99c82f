package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.Test;
import org.objectweb.asm.ClassReader;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;

/**
 * A real library as a plugin: every class of commons-lang3 3.17.0 (class file 52, with interfaces whose lambdas are
 * bootstrapped by {@code LambdaMetafactory}, a reflective member the reflection step points at a private static
 * wrapper of the interface) goes through the weaving hook's own pipeline ({@link SandboxWeavingHook#newPipeline()}:
 * reflection step, guard step, runaway step) without one refusal, and woven interfaces run their default and static
 * methods, whose lambdas now link through the guard ({@code LookupGuard.metafactory} checks the caller's Lookup
 * against the interface's policy handle, and refuses a Lookup from outside the plugin's class space).
 */
public class CommonsLangWeavingTest {
    private static final String LIBRARY_PACKAGE = "org.apache.commons.lang3.";
    private static final AtomicLong IDS = new AtomicLong(20_000);

    @Test
    public void everyClassOfTheLibraryIsWovenByTheHooksPipeline() throws IOException {
        Map<String, byte[]> library = library();
        WeavingPipeline pipeline = SandboxWeavingHook.newPipeline();
        ClassHierarchy hierarchy = new ClassHierarchy(library::get);
        List<String> refused = new ArrayList<>();
        int interfacesWithGuardWrappers = 0;
        for (Map.Entry<String, byte[]> e : library.entrySet()) {
            String name = e.getKey().replace('/', '.');
            try {
                byte[] woven = pipeline.weave(e.getValue(), new WeaveContext(name, 1, "test.lang3", hierarchy));
                ClassReader r = new ClassReader(woven);
                if ((r.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0 && r.readShort(6) == 52
                        && new String(woven, java.nio.charset.StandardCharsets.ISO_8859_1).contains("$sandbox$meta$")) {
                    interfacesWithGuardWrappers++;
                }
            } catch (WeavingPipeline.WeaveFailure f) {
                refused.add(f.getMessage());
            }
        }
        assertEquals("commons-lang3 3.17.0 has 395 classes", 395, library.size());
        assertEquals("refused classes", List.of(), refused);
        assertTrue("class-file-52 interfaces now hold guard wrappers: " + interfacesWithGuardWrappers,
                interfacesWithGuardWrappers >= 30);
    }

    @Test
    public void wovenClassFile52InterfacesRunTheirLambdasThroughTheGuard() throws Throwable {
        LibraryPlugin plugin = new LibraryPlugin(library());
        Class<?> function = plugin.loadClass(LIBRARY_PACKAGE + "function.FailableFunction");
        assertEquals(52, plugin.wovenVersion("org/apache/commons/lang3/function/FailableFunction"));
        Method wrapper = function.getDeclaredMethod("$sandbox$meta$0", java.lang.invoke.MethodHandles.Lookup.class,
                String.class, java.lang.invoke.MethodType.class, java.lang.invoke.MethodType.class,
                java.lang.invoke.MethodHandle.class, java.lang.invoke.MethodType.class);
        assertTrue("the bootstrap wrapper is a private static method of the interface",
                Modifier.isPrivate(wrapper.getModifiers()) && Modifier.isStatic(wrapper.getModifiers()));

        // the wrapper is the guard's: a lambda spun with a Lookup outside the plugin's class space is refused
        wrapper.setAccessible(true);
        java.lang.invoke.MethodType objectToObject = java.lang.invoke.MethodType.methodType(Object.class, Object.class);
        try {
            wrapper.invoke(null, java.lang.invoke.MethodHandles.lookup(), "apply",
                    java.lang.invoke.MethodType.methodType(function), objectToObject,
                    java.lang.invoke.MethodHandles.identity(Object.class), objectToObject);
            fail("a foreign Lookup must not spin a lambda for the plugin");
        } catch (InvocationTargetException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof SandboxDeniedException);
            assertEquals(sandbox.api.PermissionKind.REFLECTION, ((SandboxDeniedException) e.getCause()).permission());
        }

        Object identity = invoke(function, null, "identity");             // static method: a lambda
        Object twice = invoke(function, identity, "andThen", identity);   // default method: another lambda
        assertEquals("lang3", invoke(function, twice, "apply", "lang3"));

        Class<?> predicate = plugin.loadClass(LIBRARY_PACKAGE + "function.FailablePredicate");
        Object truePredicate = invoke(predicate, null, "truePredicate");
        Object negated = invoke(predicate, truePredicate, "negate");      // default method with a lambda
        assertEquals(false, invoke(predicate, negated, "test", "x"));

        Class<?> unchecked = plugin.loadClass(LIBRARY_PACKAGE + "concurrent.UncheckedFuture");
        List<Future<String>> futures = List.of(CompletableFuture.completedFuture("done"));
        Object mapped = unchecked.getMethod("on", java.util.Collection.class).invoke(null, futures);   // method reference
        Object first = ((java.util.Collection<?>) mapped).iterator().next();
        assertEquals("done", invoke(unchecked, first, "get"));
    }

    private static Object invoke(Class<?> type, Object target, String name, Object... args) throws Throwable {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    /** @return every class of the commons-lang3 jar on the test class path, by internal name */
    public static Map<String, byte[]> library() throws IOException {
        URL any = CommonsLangWeavingTest.class.getClassLoader().getResource("org/apache/commons/lang3/StringUtils.class");
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(((JarURLConnection) any.openConnection()).getJarFileURL().getPath())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        classes.put(n.substring(0, n.length() - ".class".length()), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** The library's classes, woven by the hook's pipeline when loaded, in a loader registered as a plugin's bundle. */
    private static final class LibraryPlugin extends ClassLoader {
        private final long bundleId = IDS.incrementAndGet();
        private final Map<String, byte[]> library;
        private final Map<String, byte[]> woven = new LinkedHashMap<>();
        private final WeavingPipeline pipeline = SandboxWeavingHook.newPipeline();
        private final ClassHierarchy hierarchy;
        private final PolicyHandle handle;

        LibraryPlugin(Map<String, byte[]> library) {
            super("lang3-plugin", CommonsLangWeavingTest.class.getClassLoader());
            this.library = library;
            this.hierarchy = new ClassHierarchy(library::get);
            handle = new PolicyHandle("test.lang3." + bundleId, "1.0.0", bundleId, null,
                    IsolationConfig.DEFAULTS.withLevel(IsolationLevel.STRICT), PluginPermissions.parse(""), null);
            HandleRegistry.register(handle);
            LoaderIdentity.register(this, bundleId);
        }

        int wovenVersion(String internalName) {
            return new ClassReader(woven.get(internalName)).readShort(6);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(LIBRARY_PACKAGE)) {
                return super.loadClass(name, resolve);   // the JDK and the guard; never the unwoven library
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String internal = name.replace('.', '/');
                    byte[] original = library.get(internal);
                    if (original == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = pipeline.weave(original, new WeaveContext(name, bundleId, handle.pluginId(), hierarchy));
                    woven.put(internal, bytes);
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                return c;
            }
        }
    }
}
