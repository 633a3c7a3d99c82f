package sandbox.core.reflect;

import java.util.Map;
import java.util.WeakHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;

/**
 * Where a class stands for a plugin: its own (woven, so reflection on it is as safe as calling it), visible
 * (what the plugin's own class space resolves that name to: the JDK packages and bundles its level lets it wire
 * to), internal to the Sandbox (never reachable), or foreign (another bundle's private class, a hidden JDK
 * package, the system class path: reaching it needs REFLECTION).
 */
final class ClassSpace {
    private static final ClassValue<Map<ClassLoader, Boolean>> VISIBLE = new ClassValue<>() {
        @Override
        protected Map<ClassLoader, Boolean> computeValue(Class<?> type) {
            return new WeakHashMap<>();
        }
    };

    private ClassSpace() {
    }

    static Class<?> base(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    /** @return true when the class was defined for this plugin (its bundle, or a loader it made) */
    static boolean own(PolicyHandle h, Class<?> c) {
        Class<?> b = base(c);
        return !b.isPrimitive() && LoaderIdentity.bundleOf(b) == h.bundleId();
    }

    /** @return true for the Sandbox's own code and for JDK internals no plugin may touch (B2, B9, H10) */
    static boolean internal(Class<?> c) {
        String name = base(c).getName();
        // sandbox.agent: the JDK sink agent and its gate, on the boot class path (docs/sinks.md)
        return name.startsWith("sandbox.core.") || name.startsWith("sandbox.agent.") || Forbidden.isForbiddenName(name);
    }

    /** @return true when {@code space} (the plugin's loader) resolves the class's name to this very class */
    static boolean visible(Class<?> c, ClassLoader space) {
        Class<?> b = base(c);
        if (b.isPrimitive() || (b.getClassLoader() == null && b.getName().startsWith("java."))) {
            return true;   // java.* is always boot-delegated: every plugin sees it
        }
        Map<ClassLoader, Boolean> seen = VISIBLE.get(b);
        Boolean known;
        synchronized (seen) {
            known = seen.get(space);
        }
        if (known != null) {
            return known;
        }
        // resolved outside the lock: a plugin's own loader is plugin code, and may call back into the guard (D7)
        boolean visible = resolvesTo(b, space);
        synchronized (seen) {
            seen.put(space, visible);
        }
        return visible;
    }

    private static boolean resolvesTo(Class<?> c, ClassLoader space) {
        if (c.isHidden()) {
            return false;
        }
        try {
            return Class.forName(c.getName(), false, space) == c;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return true when classes loaded through {@code loader} are the plugin's own or its own class space's */
    static boolean ownLoader(PolicyHandle h, ClassLoader loader, Class<?> caller) {
        if (loader == null) {
            return false;   // the boot loader, or for ServiceLoader and friends "the system class loader"
        }
        if (loader == caller.getClassLoader() || own(h, loader.getClass())) {
            return true;
        }
        if (loader instanceof BundleReference ref) {
            Bundle b = ref.getBundle();
            return b != null && b.getBundleId() == h.bundleId();
        }
        return false;
    }

    static String describe(ClassLoader loader) {
        return loader == null ? "the boot/system class loader" : loader.getClass().getName() + "@"
                + Integer.toHexString(System.identityHashCode(loader));
    }
}
