package sandbox.core.policy;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;

/**
 * Which bundle a class belongs to, from its defining loader: a bundle's loader is a {@link BundleReference}.
 * Loaders that are not (test loaders, a future out-of-framework host) can be registered. Anything else belongs to
 * no bundle ({@value #NONE}); the guard never treats "no bundle" as trusted (H11).
 */
public final class LoaderIdentity {
    /** The id of "no known bundle". */
    public static final long NONE = Long.MIN_VALUE;
    private static final Map<ClassLoader, Long> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());

    private LoaderIdentity() {
    }

    /** Records that classes defined by {@code loader} belong to bundle {@code bundleId}. */
    public static void register(ClassLoader loader, long bundleId) {
        CoreCallers.require("registering a class loader's bundle");
        REGISTERED.put(loader, bundleId);
    }

    /** @return the bundle id of the class's loader, {@link #NONE} when it is no known bundle's */
    public static long bundleOf(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null) {
            return NONE;
        }
        if (loader instanceof BundleReference ref) {
            Bundle b = ref.getBundle();
            return b == null ? NONE : b.getBundleId();
        }
        Long id = REGISTERED.get(loader);
        return id == null ? NONE : id;
    }
}
