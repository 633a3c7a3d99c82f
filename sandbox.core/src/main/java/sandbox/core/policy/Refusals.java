package sandbox.core.policy;

import sandbox.api.PermissionKind;
import sandbox.core.guard.SandboxDeniedException;

/**
 * Denials no policy can lift: the Sandbox's own internals and raw JDK internals (escape catalogue B2, B9, H10).
 * The attempt is reported like any denial (a violation with the plugin's frames), at every level, MINIMAL
 * included: auditing must not hand a plugin the guard's state.
 */
public final class Refusals {
    private Refusals() {
    }

    /** Reports and throws; never returns. */
    public static SandboxDeniedException refuse(PolicyHandle h, PermissionKind kind, String action, String target,
                                                String operation) {
        ViolationReporter.report(h, kind, operation, target, true);
        throw new SandboxDeniedException(h.pluginId(), h.version(), kind, action, operation, target);
    }
}
