package sandbox.api;

/** Where a plugin is in its life. */
public enum PluginState {
    /** Installed; its bundle is not active or has registered no {@link Plugin} service yet. */
    INSTALLED,
    /** Active with a {@link Plugin} service: it can be executed. */
    READY,
    /** Stopped and kept out by recovery; see the quarantine store. */
    QUARANTINED,
    /** Its bundle failed to resolve or start; the reason is reported. */
    FAILED
}
