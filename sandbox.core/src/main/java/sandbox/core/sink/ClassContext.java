package sandbox.core.sink;

/**
 * The classes on the current stack, innermost first, from one native call. Only used to answer the common question
 * "is the first non-JDK frame the host's?" cheaply: a StackWalker walk costs several microseconds per sink call,
 * this a fraction of it (docs/benchmarks.md, "Sink layer"). {@code SecurityManager} is deprecated for removal,
 * but this subclass is never installed (no {@code System.setSecurityManager}, which JDK 24+ refuses anyway): it only
 * reads the stack. If a JDK lacks the class, {@link Attribution} walks the stack instead.
 */
@SuppressWarnings("removal")
final class ClassContext extends SecurityManager {
    /** @return the classes of the current thread's frames, reflection frames excluded */
    Class<?>[] classes() {
        return getClassContext();
    }
}
