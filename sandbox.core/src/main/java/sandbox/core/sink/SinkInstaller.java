package sandbox.core.sink;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import sandbox.core.accounting.PluginAccounts;
import sandbox.core.plugins.TrustedBundles;

/**
 * Connects the JDK sink agent (design layer 3, docs/sinks.md) while sandbox.core runs: installs the checker into
 * the gate on activation and removes it on deactivation. Without the agent (no {@code -javaagent}, or the gate
 * package not exported by the system bundle) it logs that sink checks are off and does nothing: the weaving guard
 * still holds. Only {@link GateLink} names the gate's classes, and it is touched only when the gate is there.
 */
@Component(immediate = true, service = {})
public final class SinkInstaller {
    private static final System.Logger LOG = System.getLogger("sandbox.core.sink");
    /** Set by the agent's premain: the number of JDK methods instrumented (sandbox.agent.SinkAgent). */
    static final String AGENT_PROPERTY = "sandbox.agent.sinks";
    private Object token;

    @Reference
    PluginAccounts accounts;   // who owns a thread whose stack is the JDK's only

    @Activate
    void activate(BundleContext context) {
        if (!gatePresent()) {
            boolean agent = System.getProperty(AGENT_PROPERTY) != null;
            LOG.log(agent ? System.Logger.Level.WARNING : System.Logger.Level.INFO, agent
                    ? "JDK sink agent is loaded but package sandbox.agent.gate is not exported by the system bundle"
                      + " (org.osgi.framework.system.packages.extra): sink checks are OFF"
                    : "no JDK sink agent (-javaagent:sandbox.agent.jar): sink checks are off, the weaving guard holds alone");
            return;
        }
        token = GateLink.install(TrustedBundles.of(context), accounts::ownerOf);
        LOG.log(System.Logger.Level.INFO, "JDK sink checks active: " + System.getProperty(AGENT_PROPERTY)
                + " JDK methods instrumented");
    }

    @Deactivate
    void deactivate() {
        if (token != null) {
            GateLink.uninstall(token);
            token = null;
        }
    }

    /** @return true when the gate is wired to this bundle (the agent runs and the system bundle exports it) */
    private static boolean gatePresent() {
        try {
            Class.forName("sandbox.agent.gate.SinkGate", false, SinkInstaller.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
