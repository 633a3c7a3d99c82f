package sandbox.core.runaway;

import sandbox.api.ExecutionStatus;
import sandbox.api.ViolationKind;

/** Which budget ended a plugin's code, and how that shows in results and violations. */
public enum Budget {
    /** Wall-clock time of the execution. */
    TIMEOUT(ExecutionStatus.TIMEOUT, ViolationKind.EXECUTION_TIME),
    /** CPU time of the execution's threads. */
    CPU(ExecutionStatus.CPU_EXCEEDED, ViolationKind.CPU_TIME),
    /** Bytes allocated by the execution's threads. */
    ALLOCATION(ExecutionStatus.ALLOCATION_EXCEEDED, ViolationKind.ALLOCATION),
    /** Live threads of the plugin. */
    THREADS(ExecutionStatus.THREADS_EXCEEDED, ViolationKind.THREADS),
    /** Call depth: a stack overflow in plugin code ends the execution as a contained failure. */
    STACK_DEPTH(ExecutionStatus.FAILED, ViolationKind.STACK_DEPTH),
    /** Ended from outside: the plugin is being stopped or quarantined. Not a violation by itself. */
    KILLED(ExecutionStatus.KILLED, null);

    private final ExecutionStatus status;
    private final ViolationKind violation;

    Budget(ExecutionStatus status, ViolationKind violation) {
        this.status = status;
        this.violation = violation;
    }

    /** @return the execution status an execution ended by this budget gets */
    public ExecutionStatus status() {
        return status;
    }

    /** @return the violation kind to record, {@code null} when ending for this reason is no violation */
    public ViolationKind violation() {
        return violation;
    }
}
