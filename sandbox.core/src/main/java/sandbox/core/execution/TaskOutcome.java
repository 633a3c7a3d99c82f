package sandbox.core.execution;

import java.util.Map;
import sandbox.api.ExecutionStatus;

/**
 * How the plugin's call ended, as seen on its own thread, with that thread's measurements around the call.
 *
 * @param status SUCCESS, FAILED or DENIED
 * @param value the copied result (empty unless SUCCESS)
 * @param error the failure, described on the plugin's thread; {@code null} on success
 * @param wallNanos elapsed time of the call
 * @param cpuNanos CPU time of the thread during the call
 * @param allocatedBytes bytes the thread allocated during the call
 */
record TaskOutcome(ExecutionStatus status, Map<String, String> value, String error, long wallNanos, long cpuNanos,
                   long allocatedBytes) {
}
