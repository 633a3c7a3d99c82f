package sandbox.api;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one execution.
 *
 * @param pluginId the plugin executed
 * @param status how it ended
 * @param value the plugin's result; empty unless {@link ExecutionStatus#SUCCESS}
 * @param error why it did not succeed, {@code null} on success
 * @param telemetry what the execution cost
 */
public record ExecutionResult(String pluginId, ExecutionStatus status, Map<String, String> value, String error,
                              ExecutionTelemetry telemetry) {

    /** Copies the value; rejects missing parts. */
    public ExecutionResult {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(telemetry, "telemetry");
        value = value == null ? Map.of() : Map.copyOf(value);
    }

    /** @return true when the plugin returned normally */
    public boolean succeeded() {
        return status == ExecutionStatus.SUCCESS;
    }
}
