package sandbox.core.reflect;

import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.core.policy.Refusals;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/**
 * The reflection rules, per level (design.md "Isolation levels"):
 * <ul>
 * <li>the plugin's own classes: always (they are woven, so reflection on them reaches only guarded code);</li>
 * <li>the Sandbox's own classes and JDK internals ({@link ClassSpace#internal}): never, at any level, whatever is
 * granted (B2, B9, H10) — the attempt is still reported through the policy decision;</li>
 * <li>deep reflection (private members, {@code setAccessible}, {@code privateLookupIn}) on anything else: needs
 * REFLECTION from STANDARD up (B2);</li>
 * <li>public members of classes the plugin could link to anyway: allowed at STANDARD, need REFLECTION at STRICT
 * ("no reflection at all"); of classes outside its class space: need REFLECTION (E10).</li>
 * </ul>
 * The member's own sensitivity (exec, file, socket...) is checked separately, against the sensitive-API table.
 */
final class Access {
    private Access() {
    }

    static void member(PolicyHandle h, Class<?> caller, Class<?> target, boolean deep, String operation) {
        Class<?> t = ClassSpace.base(target);
        if (ClassSpace.internal(t)) {
            denyAlways(h, t.getName(), operation);
        }
        if (ClassSpace.own(h, t)) {
            return;
        }
        if (deep || h.level().atLeast(IsolationLevel.STRICT) || !ClassSpace.visible(t, caller.getClassLoader())) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", t.getName(), operation);
        }
    }

    /**
     * The member a handle given to a JDK adapter targets ({@code LambdaMetafactory}: every method reference and
     * lambda javac compiles): linking to a class the plugin's own code could name is no reflection, at any level
     * (STRICT's "no reflection" included); a class outside its space needs REFLECTION, Sandbox's own never.
     */
    static void linked(PolicyHandle h, Class<?> caller, Class<?> target, String operation) {
        Class<?> t = ClassSpace.base(target);
        if (ClassSpace.internal(t)) {
            denyAlways(h, t.getName(), operation);
        }
        if (!ClassSpace.own(h, t) && !ClassSpace.visible(t, caller.getClassLoader())) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", t.getName(), operation);
        }
    }

    /** A class reached through a loader other than the plugin's own: allowed when the plugin's space has it too. */
    static void loaded(PolicyHandle h, Class<?> caller, Class<?> loaded, String operation) {
        if (loaded == null) {
            return;
        }
        if (ClassSpace.internal(loaded)) {
            denyAlways(h, loaded.getName(), operation);
        }
        if (!ClassSpace.own(h, loaded) && !ClassSpace.visible(loaded, caller.getClassLoader())) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", loaded.getName(), operation);
        }
    }

    /** Reported as a violation with the plugin's frames, and refused at every level, even when granted. */
    static sandbox.core.guard.SandboxDeniedException denyAlways(PolicyHandle h, String target, String operation) {
        throw Refusals.refuse(h, PermissionKind.REFLECTION, "access", "sandbox-internal " + target, operation);
    }
}
