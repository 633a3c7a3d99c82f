package sandbox.core.sink;

import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;
import sandbox.core.plugins.TrustedBundles;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;

/**
 * Finds who a sink call is for. The stack is walked from the gate down; JDK frames (boot and platform loader) are
 * wrappers and are skipped; the FIRST other frame decides, and the walk stops there, so the common case (the host
 * doing I/O) costs a few frames. That frame is:
 * <ul>
 *   <li>a class of a plugin bundle, or of a loader {@link LoaderIdentity} maps to one: the plugin;</li>
 *   <li>a class of a trusted bundle, the system bundle, or the application class loader (launcher, framework,
 *       class path): the host, allowed. Trusted code doing I/O a plugin asked for is a deputy, as with the
 *       weaving guard, whose frame is exactly such a trusted frame: a guarded call is never checked twice;</li>
 *   <li>anything else (a loader a plugin made, a bundle already gone): unknown, denied (H11).</li>
 * </ul>
 */
final class Attribution {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    private static final ClassLoader APPLICATION = ClassLoader.getSystemClassLoader();

    private final TrustedBundles trust;
    private final Function<Thread, Optional<String>> owners;
    private final ClassContext context = classContext();

    /**
     * @param trust the trust rule
     * @param owners which plugin owns a thread (its thread group, or a registration while it runs the plugin's task);
     *               asked only when no frame below the gate is anyone's but the JDK's
     */
    Attribution(TrustedBundles trust, Function<Thread, Optional<String>> owners) {
        this.trust = trust;
        this.owners = owners;
    }

    /**
     * @param gate the class the walk starts below (the gate); frames above it are the checker's own
     * @return the caller
     */
    Caller find(Class<?> gate) {
        Caller first = firstFromContext(gate);
        if (first != null && first.kind() == Caller.Kind.HOST) {
            return Caller.JDK_ONLY;
        }
        return walk(gate);
    }

    /**
     * The full answer, from a StackWalker walk (method names: JDK class initialisers are seen), for what the class
     * context did not settle.
     *
     * @param gate the class the walk starts below (the gate); frames above it are the checker's own
     * @return the caller
     */
    Caller walk(Class<?> gate) {
        return WALKER.walk(s -> {
            boolean below = false;
            for (java.util.Iterator<StackWalker.StackFrame> it = s.iterator(); it.hasNext();) {
                StackWalker.StackFrame f = it.next();
                Class<?> c = f.getDeclaringClass();
                if (c == gate) {
                    below = true;
                } else if (!below) {
                    continue;   // the checker's own frames
                } else if (!isJdk(c)) {
                    return classify(c);
                } else if (f.getMethodName().equals("<clinit>")) {
                    // A JDK class initialiser runs once per JVM for whoever touches the class first; what it reads or
                    // loads (its native library, its data file) is the JDK's, and failing it would break the class
                    // for the whole container ("Could not initialize class ...").
                    return Caller.JDK_ONLY;
                }
            }
            return byThread();
        });
    }

    /**
     * The cheap first answer, from the class context (one native call, no walk): the first class below the gate that
     * is not the JDK's, classified. The full walk ({@link #find}) agrees with it except where a JDK class initialiser
     * lies in between (the walk then answers "the JDK's", which is allowed): so a HOST answer here is final, and a
     * PLUGIN answer is final whenever that plugin's policy allows the call anyway ({@link PluginSinkCheck}).
     *
     * @return the first non-JDK class's kind, or {@code null} when the class context is unavailable or holds none
     */
    Caller firstFromContext(Class<?> gate) {
        if (context == null) {
            return null;
        }
        boolean below = false;
        for (Class<?> c : context.classes()) {
            if (c == gate) {
                below = true;
            } else if (below && !isJdk(c) && !c.isHidden()) {   // the walk does not show hidden frames either
                return classify(c);
            }
        }
        return null;
    }

    private static ClassContext classContext() {
        try {
            return new ClassContext();
        } catch (LinkageError | RuntimeException e) {
            return null;   // a JDK without SecurityManager: the walk alone answers, slower
        }
    }

    /**
     * A stack of JDK frames only: a thread the JDK started, e.g. HttpClient's selector thread following a redirect,
     * started inside the plugin's {@code send} and so in the plugin's thread group. Its owner's policy decides;
     * a thread nobody owns (the JDK's own, the framework's) is the host's.
     */
    private Caller byThread() {
        return owners.apply(Thread.currentThread())
                .flatMap(HandleRegistry::byPlugin)
                .map(h -> new Caller(Caller.Kind.PLUGIN, null, h))
                .orElse(Caller.JDK_ONLY);
    }

    /** @return what the class is, as the first non-JDK frame */
    Caller classify(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader instanceof BundleReference ref) {
            Bundle b = ref.getBundle();
            if (b != null && trust.isTrusted(b)) {
                return new Caller(Caller.Kind.HOST, c, null);
            }
        }
        long bundle = LoaderIdentity.bundleOf(c);
        if (bundle != LoaderIdentity.NONE) {
            PolicyHandle h = HandleRegistry.byBundle(bundle).orElse(null);
            return h == null ? new Caller(Caller.Kind.UNKNOWN, c, null) : new Caller(Caller.Kind.PLUGIN, c, h);
        }
        if (loader == APPLICATION) {
            return new Caller(Caller.Kind.HOST, c, null);
        }
        return new Caller(Caller.Kind.UNKNOWN, c, null);
    }

    /**
     * JDK code: the boot and platform loaders' classes, and the reflection accessors JDK 17 generates into loaders
     * of their own (they are the JDK calling on behalf of the frame below, which is checked instead).
     */
    static boolean isJdk(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        return loader == null || loader == PLATFORM || c.getName().startsWith("jdk.internal.reflect.");
    }
}
