package sandbox.core.sink;

import java.util.Optional;
import java.util.function.Function;
import sandbox.agent.gate.SinkGate;
import sandbox.core.plugins.TrustedBundles;

/**
 * The only class that links against the gate package, which sandbox.core imports optionally. It is loaded only once
 * {@link SinkInstaller} has found the gate: verifying this class already loads gate types (PluginSinkCheck is a
 * SinkCheck), so even asking it whether the gate is there would fail without the agent.
 */
final class GateLink {
    private GateLink() {
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
