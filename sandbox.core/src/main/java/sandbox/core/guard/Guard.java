package sandbox.core.guard;

import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.SensitiveApi;
import sandbox.core.weaving.SensitiveApiTable;

/**
 * What woven plugin code calls. The weaver replaces each sensitive call with: the call's target passed here with
 * the class's policy handle and the table row id, the returned (checked, trusted) copy put back in place of the
 * target, then the original call.
 *
 * <p>This class is exported because woven classes link to it; plugins cannot name it in their own bytecode (the
 * weaver refuses such classes, H10). Nothing here takes a caller identity or a "privileged" flag: the handle is
 * the object {@link #bind} gave the class after checking, by a stack walk, that the class is the bundle's; a
 * forged handle is refused. Every method fails closed: a missing handle, an unknown row or target type is a denial.
 */
public final class Guard {
    // hidden frames shown: a hidden class a plugin defines (woven, C2) binds from its own static initialiser
    private static final StackWalker WALKER = StackWalker.getInstance(java.util.Set.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
    private static final SensitiveApiTable TABLE = SensitiveApiTable.INSTANCE;

    private Guard() {
    }

    /**
     * Called once from a woven class's static initialiser.
     *
     * @param bundleId the bundle id baked in at weave time
     * @return the handle of that bundle's plugin, for the class's synthetic field
     * @throws SecurityException when the calling class is not that bundle's
     */
    public static Object bind(long bundleId) {
        // the frame below this one; getCallerClass() would skip a hidden class's frame whatever the options say
        return HandleRegistry.bind(bundleId, WALKER.walk(s -> s.skip(1).findFirst()).orElseThrow().getDeclaringClass());
    }

    /** A call without a target (exit, JVM-global setters; a file call without one checks the temporary folder). */
    public static void check(Object handle, int row) {
        SensitiveApi r = TABLE.row(row);
        if (!r.checks()) {
            throw new SecurityException("Sandbox: row " + row + " is not a check");
        }
        String target = r.permission() == sandbox.api.PermissionKind.FILE ? Targets.tmpdir() : "*";
        PolicyDecisionPoint.enforce(handle(handle), r.permission(), r.action(), target, r.operation());
    }

    /** @return a trusted copy of {@code target}, the one the call must use */
    public static Object check(Object target, Object handle, int row) {
        return Targets.check(handle(handle), TABLE.row(row), target);
    }

    /** A host name or {@code InetAddress} with a port. @return the checked host (an address literal when it was one) */
    public static Object check(Object host, int port, Object handle, int row) {
        return Targets.checkHostPort(handle(handle), TABLE.row(row), host, port);
    }

    /** A port to listen on, on every local address. */
    public static void checkPort(int port, Object handle, int row) {
        SensitiveApi r = TABLE.row(row);
        PolicyDecisionPoint.enforce(handle(handle), r.permission(), r.action(), "0.0.0.0:" + port, r.operation());
    }

    /** @return options copied once: a set or array that answers differently on each iteration is read once (A8) */
    public static Object copyOptions(Object options) {
        return Copies.options(options);
    }

    /** A file opened with options that decide between read, write and delete. @return the checked path */
    public static Object checkOpen(Object path, Object options, Object handle, int row) {
        return Targets.checkOpen(handle(handle), TABLE.row(row), path, options);
    }

    /**
     * @return the object the guard constructs in place of a plugin's {@code new X(args)} (checked arguments), e.g. the
     *         metered subclass of {@code FileInputStream}
     * @throws java.io.FileNotFoundException as the constructor it stands for
     */
    public static Object construct(Object[] args, Object handle, int row) throws java.io.FileNotFoundException {
        return Metering.construct(handle(handle), TABLE.row(row), args);
    }

    /** @return the value of a sensitive call, metered for the plugin's I/O account */
    public static Object result(Object value, Object handle, int row) {
        return Metering.meter(handle(handle), TABLE.row(row), value, null);
    }

    /** @return the value of a sensitive call, metered for the plugin's I/O account ({@code owner}: the receiver, or null) */
    public static Object result(Object value, Object owner, Object handle, int row) {
        return Metering.meter(handle(handle), TABLE.row(row), value, owner);
    }

    private static PolicyHandle handle(Object handle) {
        if (handle instanceof PolicyHandle h) {
            return h;
        }
        throw new SecurityException("Sandbox: a guarded call came without a policy handle; denied");
    }
}
