package sandbox.core.sink;

/** The unit tests' gate: the JDK's SinkGate is on the boot class path only when the JVM runs the agent. */
public final class FakeGate {
    static volatile PluginSinkCheck checker;

    private FakeGate() {
    }

    /** As SinkGate.check, without the re-entrancy guard (the tests do not re-enter). */
    public static void check(int sink, Object a, Object b) {
        PluginSinkCheck c = checker;
        if (c != null) {
            c.check(sink, a, b);
        }
    }
}
