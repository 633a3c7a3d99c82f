package sandbox.agent.gate;

/**
 * The one method every instrumented JDK sink calls first. It lives on the boot class path so that java.base can
 * call it. Until a {@link SinkCheck} is installed a call costs one volatile read; afterwards the checker runs once
 * per sink call, never re-entered on the same thread: I/O the checker itself causes (loading its classes from a
 * bundle jar, canonicalising a path, reporting a violation) would otherwise be checked again, and loop.
 *
 * <p>Installing is once, with a token: whoever installs gets an object only it holds, and only that object
 * uninstalls. A plugin cannot wire to this package (the resolver hook refuses it at every level), and even a
 * plugin that reached the class another way could not replace or remove the container's checker.
 */
public final class SinkGate {
    private static final Object LOCK = new Object();
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();
    private static volatile SinkCheck checker;
    private static Object token;

    private SinkGate() {
    }

    /**
     * Called by instrumented JDK code at the start of each sink method.
     *
     * @param sink the sink's id ({@link Sinks})
     * @param a first subject, see {@link SinkCheck#check}
     * @param b second subject
     */
    public static void check(int sink, Object a, Object b) {
        SinkCheck c = checker;
        if (c == null || BUSY.get() != null) {
            return;
        }
        BUSY.set(Boolean.TRUE);
        try {
            c.check(sink, a, b);
        } finally {
            BUSY.remove();
        }
    }

    /**
     * Installs the checker.
     *
     * @return the token that {@link #uninstall(Object)} needs
     * @throws IllegalStateException when a checker is installed already
     */
    public static Object install(SinkCheck c) {
        if (c == null) {
            throw new NullPointerException("checker");
        }
        synchronized (LOCK) {
            if (checker != null) {
                throw new IllegalStateException("a sink checker is installed already: " + checker.getClass().getName());
            }
            token = new Object();
            checker = c;
            return token;
        }
    }

    /**
     * Removes the checker installed with this token.
     *
     * @throws SecurityException when the token is not the one {@link #install} returned
     */
    public static void uninstall(Object t) {
        synchronized (LOCK) {
            if (t == null || t != token) {
                throw new SecurityException("wrong token: only the installer removes the sink checker");
            }
            checker = null;
            token = null;
        }
    }

    /** @return true when a checker is installed */
    public static boolean active() {
        return checker != null;
    }
}
