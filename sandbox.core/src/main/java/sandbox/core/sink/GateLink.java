package sandbox.core.sink;

import java.util.Optional;
import java.util.function.Function;
import sandbox.agent.gate.SinkGate;
import sandbox.core.plugins.TrustedBundles;

/**
 * The only class that links against the gate package, which sandbox.core imports optionally: until {@link #present}
 * answers true nothing here that names a gate class is run.
 */
final class GateLink {
    /** Set by the agent's premain: the number of JDK methods instrumented (sandbox.agent.SinkAgent). */
    static final String AGENT_PROPERTY = "sandbox.agent.sinks";

    private GateLink() {
    }

    /** @return true when the gate is wired to this bundle (the agent runs and the system bundle exports it) */
    static boolean present() {
        try {
            Class.forName("sandbox.agent.gate.SinkGate", false, GateLink.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return the token that removes the checker again */
    static Object install(TrustedBundles trust, Function<Thread, Optional<String>> owners) {
        PluginSinkCheck check = new PluginSinkCheck(new Attribution(trust, owners), HostReads.ofThisJvm(), SinkGate.class);
        // load and link the checker's code now, not inside the first FileInputStream.open a plugin makes
        SinkRequests.of(sandbox.agent.gate.Sinks.FILE_INPUT, "/", null);
        check.check(sandbox.agent.gate.Sinks.EXIT, 0, null);
        return SinkGate.install(check);
    }

    static void uninstall(Object token) {
        SinkGate.uninstall(token);
    }
}
