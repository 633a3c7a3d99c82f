package sandbox.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A plugin's use of a resource moved from one {@link ResourceLevel} to another. Sent to every
 * {@link ResourceListener} and to Event Admin on topic {@value #TOPIC_PREFIX}LEVEL (e.g.
 * {@code sandbox/resource/WARNING}); a rise to WARNING or ERROR is also reported as a {@link Violation}.
 *
 * @param pluginId the plugin
 * @param resource which resource
 * @param previous the level before
 * @param level the level now
 * @param value the measured figure, in the resource's unit (see {@link ResourceKind})
 * @param limit the plugin's limit for it, same unit
 * @param time when the crossing was seen
 */
public record ResourceEvent(String pluginId, ResourceKind resource, ResourceLevel previous, ResourceLevel level,
                            long value, long limit, Instant time) {

    /** Event Admin topic prefix; the level's name follows. */
    public static final String TOPIC_PREFIX = "sandbox/resource/";

    /** Rejects missing parts. */
    public ResourceEvent {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(time, "time");
    }

    /** @return true when the use got worse (a rise to WARNING or ERROR) */
    public boolean rising() {
        return level.compareTo(previous) > 0;
    }
}
