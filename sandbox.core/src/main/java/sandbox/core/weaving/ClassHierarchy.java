package sandbox.core.weaving;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves calls the way the JVM will (escape catalogue H1, H2, H5): a call names the static type of its receiver or
 * qualifier, which may be a plugin subclass of a JDK class; what runs is the first declaration up the hierarchy.
 *
 * <p>Class files are read, never loaded: plugin classes through the plugin's {@link ClassBytes} (its bundle
 * wiring), JDK classes through the platform loader. A class found in neither makes the weave fail (fail closed):
 * an owner that cannot be resolved might be a subclass of anything.
 *
 * <p>Sandbox's own classes ({@value #SANDBOX_PREFIX}*) are read through sandbox.core's own loader, never through
 * the plugin's space, and no call to them is sensitive. Only the weaver names them (a plugin class that does is
 * refused before any step runs, {@link OriginalClassCheck}): they are the calls one step inserts (guard binding and
 * checks, metering, reflection guards, runaway polls) as a later step or the frame computation sees them. The
 * plugin's space has them only through the dynamic imports the weave adds, which the framework wires after the
 * first woven class is defined: looked up there, the first class with a static initialiser would fail to load.
 */
public final class ClassHierarchy {
    /** Internal-name prefix of Sandbox's own packages, the only ones woven code may name besides the plugin's and the JDK's. */
    static final String SANDBOX_PREFIX = "sandbox/core/";
    private static final ClassBytes SANDBOX = ClassBytes.of(ClassHierarchy.class.getClassLoader());
    private static final Map<String, ClassInfo> JDK_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, ClassInfo> SANDBOX_CACHE = new ConcurrentHashMap<>();

    private final ClassBytes plugin;
    private final Map<String, ClassInfo> pluginCache = new ConcurrentHashMap<>();

    /** @param plugin reads the plugin's class files, and through its wiring those of the bundles it imports */
    public ClassHierarchy(ClassBytes plugin) {
        this.plugin = plugin;
    }

    /**
     * @param name internal class name
     * @return the class's header
     * @throws IllegalStateException when no source has the class or it cannot be read
     */
    ClassInfo info(String name) {
        ClassInfo cached = JDK_CACHE.get(name);
        if (cached == null) {
            cached = isSandbox(name) ? SANDBOX_CACHE.get(name) : pluginCache.get(name);
        }
        if (cached != null) {
            return cached;
        }
        try {
            if (isSandbox(name)) {
                byte[] bytes = SANDBOX.read(name);
                if (bytes == null) {
                    throw new IllegalStateException("cannot resolve class " + name.replace('/', '.')
                            + ": not in sandbox.core (a weaver bug: a step inserted a call to it)");
                }
                ClassInfo info = ClassInfo.parse(bytes, false);
                SANDBOX_CACHE.put(name, info);
                return info;
            }
            // The JDK first: a class the platform has is taken to be the platform's, even where a plugin could link
            // its own class of that name instead (then the plugin's calls are over-approximated, never missed).
            byte[] bytes = ClassBytes.JDK.read(name);
            if (bytes != null) {
                ClassInfo info = ClassInfo.parse(bytes, true);
                JDK_CACHE.put(name, info);
                return info;
            }
            bytes = plugin.read(name);
            if (bytes != null) {
                ClassInfo info = ClassInfo.parse(bytes, false);
                pluginCache.put(name, info);
                return info;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read class " + name.replace('/', '.') + ": " + e, e);
        }
        throw new IllegalStateException("cannot resolve class " + name.replace('/', '.')
                + ": not in the plugin's class space nor the JDK");
    }

    /**
     * Finds the JDK classes whose declaration of a method a call reaches.
     *
     * <p>Walks up the superclass chain from {@code owner}: a declaration in plugin code ends the walk (the plugin's
     * own method runs, and it is woven itself). A declaration in a JDK class is reached, and so is every JDK
     * supertype that declares the same method (an override of {@code Executor.execute} is still
     * {@code Executor.execute}). Interfaces are searched for non-static calls (default and abstract methods).
     *
     * @param owner the owner named by the call
     * @param name method name
     * @param desc method descriptor
     * @param isStatic true for static calls (interfaces' static methods are not inherited)
     * @return the JDK owners reached, nearest first; empty when plugin code or Sandbox's own code runs
     */
    public List<String> jdkOwners(String owner, String name, String desc, boolean isStatic) {
        if (isSandbox(owner)) {
            return List.of();   // a call one step inserted: never matched again, whatever its name
        }
        List<String> result = new ArrayList<>();
        for (String c = owner; c != null; ) {
            ClassInfo info = info(c);
            if (info.declares(name, desc)) {
                if (!info.jdk()) {
                    return List.of();
                }
                result.add(c);
            }
            if (isStatic && !result.isEmpty()) {
                return result;
            }
            c = info.superName();
        }
        if (!isStatic) {
            addInterfaceDeclarations(owner, name, desc, result);
        }
        return result;
    }

    private void addInterfaceDeclarations(String owner, String name, String desc, List<String> result) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String c = owner; c != null; c = info(c).superName()) {
            todo.addAll(info(c).interfaces());
            if (info(c).isInterface()) {
                todo.add(c);
            }
        }
        while (!todo.isEmpty()) {
            String i = todo.pop();
            if (!seen.add(i)) {
                continue;
            }
            ClassInfo info = info(i);
            if (info.jdk() && info.declares(name, desc) && !result.contains(i)) {
                result.add(i);
            }
            todo.addAll(info.interfaces());
        }
    }

    /** @return true for Sandbox's own classes, which only the weaver's inserted code names */
    static boolean isSandbox(String name) {
        return name.startsWith(SANDBOX_PREFIX);
    }

    /** @return true when the class is the JDK's */
    boolean isJdk(String name) {
        return info(name).jdk();
    }

    /** @return true when {@code sub} is {@code sup} or extends or implements it */
    boolean isAssignable(String sup, String sub) {
        Deque<String> todo = new ArrayDeque<>(List.of(sub));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (c.equals(sup)) {
                return true;
            }
            if (seen.add(c)) {
                ClassInfo info = info(c);
                if (info.superName() != null) {
                    todo.add(info.superName());
                }
                todo.addAll(info.interfaces());
            }
        }
        return false;
    }

    /** The common superclass for stack map frames, computed from class files ({@code ClassWriter} would load classes). */
    String commonSuperClass(String a, String b) {
        if (isAssignable(a, b)) {
            return a;
        }
        if (isAssignable(b, a)) {
            return b;
        }
        if (info(a).isInterface() || info(b).isInterface()) {
            return "java/lang/Object";
        }
        String c = a;
        do {
            c = info(c).superName();
        } while (c != null && !isAssignable(c, b));
        return c == null ? "java/lang/Object" : c;
    }
}
