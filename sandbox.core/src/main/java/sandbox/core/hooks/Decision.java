package sandbox.core.hooks;

/** Outcome of a framework-level check. */
public enum Decision {
    /** Granted by policy, or not sensitive. */
    ALLOW,
    /** Not granted, but the plugin is at MINIMAL: allowed and recorded as a violation that was not enforced. */
    RECORD,
    /** Not granted: refused and recorded. */
    DENY;

    /** @return true when the operation goes ahead */
    public boolean allowed() {
        return this != DENY;
    }
}
