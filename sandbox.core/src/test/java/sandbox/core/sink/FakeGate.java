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

    /** A connect to the loopback discard port, for threads whose stack below the gate is the JDK's only. */
    public static void connectLoopback() {
        check(sandbox.agent.gate.Sinks.NET_CONNECT, java.net.InetAddress.getLoopbackAddress(), 9);
    }
}
