package sandbox.core.sink;

import java.util.List;
import sandbox.agent.gate.SinkCheck;
import sandbox.agent.gate.Sinks;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;

/**
 * The checker the gate calls at every JDK sink: attributes the call ({@link Attribution}) and, for a plugin, asks
 * the same {@link PolicyDecisionPoint#enforce} the weaving guard asks, so a denial is the same
 * {@code SandboxDeniedException} and the same recorded violation, with operation {@code "sink <JDK member>"}.
 * The gate never re-enters it on the same thread, so the policy's own I/O (canonicalising a path, reporting) is not
 * checked again.
 */
final class PluginSinkCheck implements SinkCheck {
    static final String OPERATION_PREFIX = "sink ";
    private static final System.Logger LOG = System.getLogger("sandbox.core.sink");

    private final Attribution attribution;
    private final HostReads hostReads;
    private final Class<?> gate;

    /**
     * @param gate the class whose frame calls this checker: the walk starts below it ({@code SinkGate}; a stand-in
     *             in unit tests, which run without the agent)
     */
    PluginSinkCheck(Attribution attribution, HostReads hostReads, Class<?> gate) {
        this.attribution = attribution;
        this.hostReads = hostReads;
        this.gate = gate;
    }

    @Override
    public void check(int sink, Object a, Object b) {
        if ((sink == Sinks.LOAD || sink == Sinks.LOAD_LIBRARY) && b instanceof Class<?> asker && Attribution.isJdk(asker)) {
            return;   // a JDK class loading its own library (awt for BufferedImage, net, nio, zip ...)
        }
        Caller first = attribution.firstFromContext(gate);
        if (first != null && first.kind() == Caller.Kind.HOST) {
            return;   // the common host case: one native call, nothing else computed
        }
        List<SinkRequest> requests = SinkRequests.of(sink, a, b);
        if (first != null && first.kind() == Caller.Kind.PLUGIN && allowedQuietly(first, requests)) {
            // the common plugin case (a call the weaving guard has just checked, or one its policy grants) without the
            // StackWalker walk, which costs several microseconds; the walk is for what may be denied or recorded
            return;
        }
        Caller caller = attribution.walk(gate);
        if (caller.kind() == Caller.Kind.HOST) {
            return;
        }
        String operation = OPERATION_PREFIX + Sinks.MEMBERS.get(sink);
        for (SinkRequest r : requests) {
            if (caller.kind() == Caller.Kind.PLUGIN && caller.handle().level() != IsolationLevel.MINIMAL
                    && PolicyDecisionPoint.permits(caller.handle(), r.kind(), r.action(), r.target())) {
                // the cached decision first: the host-read rule canonicalises the path, a syscall per component
                // (MINIMAL goes through enforce, which keeps the audit log of everything the plugin did)
                continue;
            }
            if (r.kind() == PermissionKind.FILE && r.action().equals("read") && hostReads.allows(r.target())) {
                continue;
            }
            if (caller.kind() == Caller.Kind.UNKNOWN) {
                // no plugin to record a violation for: the log is where an operator sees it
                SecurityException denied = new SecurityException("Sandbox denied " + operation + " on " + r.target() + " to "
                        + caller.frame().getName() + ": its class loader belongs to no bundle Sandbox knows");
                LOG.log(System.Logger.Level.WARNING, denied.getMessage() + " (loader " + caller.frame().getClassLoader() + ")");
                throw denied;
            }
            PolicyDecisionPoint.enforce(caller.handle(), r.kind(), r.action(), r.target(), operation);
        }
    }

    /** @return whether the plugin's cached policy allows every request with nothing to record (not at MINIMAL) */
    private static boolean allowedQuietly(Caller plugin, List<SinkRequest> requests) {
        for (SinkRequest r : requests) {
            if (!PolicyDecisionPoint.allowedQuietly(plugin.handle(), r.kind(), r.action(), r.target())) {
                return false;
            }
        }
        return true;
    }
}
