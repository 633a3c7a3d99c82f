package sandbox.api;

/** How one execution of a plugin ended. */
public enum ExecutionStatus {
    /** The plugin returned a result. */
    SUCCESS,
    /** The plugin threw; the error is in the result. */
    FAILED,
    /** The execution ran past its wall-clock budget. */
    TIMEOUT,
    /** The execution ran past its CPU-time budget. */
    CPU_EXCEEDED,
    /** The execution allocated more than its budget. */
    ALLOCATION_EXCEEDED,
    /** The plugin went over its thread quota. */
    THREADS_EXCEEDED,
    /** The plugin tried an operation its policy denies. */
    DENIED,
    /** The execution was ended from outside: the plugin was stopped, quarantined or is not executable. */
    KILLED
}
