package sandbox.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One broken rule, as recorded and sent to {@link ViolationListener}s and Event Admin
 * (topic {@value #TOPIC_PREFIX}KIND).
 *
 * @param kind which rule
 * @param severity how serious
 * @param pluginId the plugin (bundle symbolic name)
 * @param pluginVersion the plugin's bundle version
 * @param permission for {@link ViolationKind#PERMISSION_DENIED}, the permission kind; otherwise {@code null}
 * @param operation what the plugin tried, e.g. {@code "java.io.FileInputStream.<init>"} or {@code "cpu"}
 * @param target what it tried it on, e.g. a path, {@code host:port}, or the measured figure
 * @param enforced true when the operation was stopped, false when only recorded (level MINIMAL, warnings)
 * @param pluginFrames the plugin's own stack frames, innermost first
 * @param time when it happened
 */
public record Violation(ViolationKind kind, ViolationSeverity severity, String pluginId, String pluginVersion,
                        PermissionKind permission, String operation, String target, boolean enforced,
                        List<String> pluginFrames, Instant time) {

    /** Event Admin topic prefix; the violation kind's name follows. */
    public static final String TOPIC_PREFIX = "sandbox/violation/";

    /** Rejects missing parts and copies the frames. */
    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(time, "time");
        target = target == null ? "" : target;
        pluginFrames = List.copyOf(pluginFrames);
        if ((kind == ViolationKind.PERMISSION_DENIED) != (permission != null)) {
            throw new IllegalArgumentException("a permission kind is given exactly for PERMISSION_DENIED violations");
        }
    }

    /** @return a one-line description an operator can act on */
    public String describe() {
        String what = permission == null ? kind.name() : kind.name() + " " + permission.headerName();
        return pluginId + " " + pluginVersion + ": " + what + " " + operation
                + (target.isEmpty() ? "" : " on " + target) + (enforced ? " (stopped)" : " (recorded)");
    }
}
