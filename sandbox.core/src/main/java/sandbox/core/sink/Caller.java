package sandbox.core.sink;

import sandbox.core.policy.PolicyHandle;

/**
 * Who a sink call is attributed to: the first frame below the gate that is not the JDK's.
 *
 * @param kind what that frame is
 * @param frame its class; {@code null} when the whole stack is the JDK's (a thread the JDK started)
 * @param handle the plugin's policy when {@code kind} is {@link Kind#PLUGIN}, else {@code null}
 */
record Caller(Kind kind, Class<?> frame, PolicyHandle handle) {
    /** The three answers. */
    enum Kind {
        /** The container's own code, a trusted bundle, the class path, or no non-JDK frame at all: allowed. */
        HOST,
        /** A plugin's class: its policy decides. */
        PLUGIN,
        /** A class of a loader nobody vouches for: denied (H11). */
        UNKNOWN
    }

    static final Caller JDK_ONLY = new Caller(Kind.HOST, null, null);
}
