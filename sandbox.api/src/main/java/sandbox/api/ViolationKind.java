package sandbox.api;

/** What rule a plugin broke: a denied permission, or a budget it overran. */
public enum ViolationKind {
    /** A sensitive operation the policy does not grant; {@link Violation#permission()} says which kind. */
    PERMISSION_DENIED,
    /** Over the wall-clock budget of an execution. */
    EXECUTION_TIME,
    /** Over the CPU-time budget. */
    CPU_TIME,
    /** Over the allocation budget. */
    ALLOCATION,
    /** Over the live-thread quota. */
    THREADS,
    /** Over the call-depth budget. */
    STACK_DEPTH,
    /** Over the open-file quota. */
    OPEN_FILES,
    /** Over the open-socket quota. */
    SOCKETS,
    /** Over the network bandwidth budget. */
    BANDWIDTH,
    /** Over the file-bytes-written budget. */
    FILE_BYTES
}
