package sandbox.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;

/**
 * Remembers each plugin's level per resource and turns a change into a {@link ResourceEvent}. An event is
 * produced only on a change, so a plugin that stays over a limit is reported once, not at every sample.
 */
final class LevelTracker {
    private final Map<String, Map<ResourceKind, ResourceLevel>> levels = new ConcurrentHashMap<>();

    /** @return the events for every figure whose level changed since the previous check */
    List<ResourceEvent> check(String pluginId, Map<ResourceKind, Measure.Figure> figures, Thresholds thresholds, Instant now) {
        Map<ResourceKind, ResourceLevel> current = levels.computeIfAbsent(pluginId, id -> new EnumMap<>(ResourceKind.class));
        List<ResourceEvent> events = new ArrayList<>(0);
        synchronized (current) {
            for (Map.Entry<ResourceKind, Measure.Figure> e : figures.entrySet()) {
                Measure.Figure f = e.getValue();
                ResourceLevel level = thresholds.level(f.value(), f.limit());
                ResourceLevel before = current.getOrDefault(e.getKey(), ResourceLevel.NORMAL);
                current.put(e.getKey(), level);
                if (level != before) {
                    events.add(new ResourceEvent(pluginId, e.getKey(), before, level, f.value(), f.limit(), now));
                }
            }
        }
        return events;
    }

    /** @return the plugin's current levels */
    Map<ResourceKind, ResourceLevel> levels(String pluginId) {
        Map<ResourceKind, ResourceLevel> current = levels.get(pluginId);
        if (current == null) {
            return Map.of();
        }
        synchronized (current) {
            return Map.copyOf(current);
        }
    }
}
