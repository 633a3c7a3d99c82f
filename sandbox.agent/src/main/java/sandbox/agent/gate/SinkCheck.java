package sandbox.agent.gate;

/**
 * What the gate asks at every sink call once installed: the container's implementation finds the caller on the
 * stack and decides. It returns to allow and throws (a {@link SecurityException}) to deny; the exception leaves the
 * JDK method before it does any I/O.
 */
public interface SinkCheck {
    /**
     * @param sink the sink's id, one of the constants of {@link Sinks}
     * @param a the sink's first subject (a path, {@code File}, {@code Path}, address, command ...), may be {@code null}
     * @param b its second subject (open mode, options, port, destination ...), may be {@code null}
     */
    void check(int sink, Object a, Object b);
}
