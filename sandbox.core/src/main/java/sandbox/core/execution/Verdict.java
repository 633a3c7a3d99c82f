package sandbox.core.execution;

import sandbox.api.ExecutionStatus;

/**
 * What {@link ExecutionEnding} decided about an execution over its budget.
 *
 * @param status how the execution ended; {@code null} when it is allowed to go on (level MINIMAL: audit only)
 * @param error the message for the result
 */
record Verdict(ExecutionStatus status, String error) {

    /** Over budget, but only recorded: the execution goes on. */
    static final Verdict KEEP_WAITING = new Verdict(null, null);

    /** @return true when the execution is over, whether or not its thread has stopped yet */
    boolean ended() {
        return status != null;
    }
}
