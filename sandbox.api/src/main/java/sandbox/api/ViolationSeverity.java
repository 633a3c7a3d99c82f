package sandbox.api;

/** How serious a violation is; thresholds in the monitor raise WARNING before ERROR. */
public enum ViolationSeverity {
    /** A warning threshold was crossed; nothing was stopped. */
    WARNING,
    /** A limit or permission was broken; the operation was stopped unless the level is MINIMAL. */
    ERROR
}
