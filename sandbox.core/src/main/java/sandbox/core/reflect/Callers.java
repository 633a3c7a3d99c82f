package sandbox.core.reflect;

import java.lang.invoke.MethodHandles.Lookup;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;

/**
 * Who is calling a reflective guard. Woven code passes its class's policy handle and a full-privilege
 * {@code Lookup} of its own class; both are checked against each other, so a plugin that calls a guard method
 * itself (reflectively, H10) with a foreign or reduced Lookup is refused. Fail closed: anything missing is a denial.
 */
final class Callers {
    private Callers() {
    }

    static PolicyHandle handle(Object handle) {
        if (handle instanceof PolicyHandle h) {
            return h;
        }
        throw new SecurityException("Sandbox: a reflective guard call came without a policy handle; denied");
    }

    /** @return the calling plugin class */
    static Class<?> verify(Lookup caller, PolicyHandle h) {
        if (caller == null || !caller.hasFullPrivilegeAccess()
                || LoaderIdentity.bundleOf(caller.lookupClass()) != h.bundleId()) {
            throw new SecurityException("Sandbox: a reflective guard call for plugin " + h
                    + " came without the calling class's own full-privilege lookup; denied");
        }
        return caller.lookupClass();
    }
}
