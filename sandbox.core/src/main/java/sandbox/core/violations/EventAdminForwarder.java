package sandbox.core.violations;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import sandbox.api.Violation;
import sandbox.api.ViolationListener;

/**
 * Posts every violation to Event Admin, topic {@value Violation#TOPIC_PREFIX}KIND. A violation listener of its
 * own, active only while an Event Admin is there: the core does not need Event Admin to resolve or run
 * (its import of org.osgi.service.event is optional), and {@link ViolationRecorder} never touches its classes.
 */
@Component(service = ViolationListener.class)
public final class EventAdminForwarder implements ViolationListener {
    /** Event property names. */
    static final String PLUGIN_ID = "plugin.id", PLUGIN_VERSION = "plugin.version", KIND = "kind",
            PERMISSION = "permission", OPERATION = "operation", TARGET = "target", ENFORCED = "enforced",
            SEVERITY = "severity", TIME = "time", FRAMES = "plugin.frames";

    @Reference
    EventAdmin eventAdmin;

    @Override
    public void violated(Violation violation) {
        eventAdmin.postEvent(new Event(topic(violation), properties(violation)));
    }

    static String topic(Violation v) {
        return Violation.TOPIC_PREFIX + v.kind().name();
    }

    /** Event properties; {@code time} is epoch milliseconds, {@code permission} is absent unless a permission was denied. */
    static Map<String, Object> properties(Violation v) {
        Map<String, Object> p = new HashMap<>();
        p.put(PLUGIN_ID, v.pluginId());
        p.put(PLUGIN_VERSION, v.pluginVersion());
        p.put(KIND, v.kind().name());
        if (v.permission() != null) {
            p.put(PERMISSION, v.permission().headerName());
        }
        p.put(OPERATION, v.operation());
        p.put(TARGET, v.target());
        p.put(ENFORCED, v.enforced());
        p.put(SEVERITY, v.severity().name());
        p.put(TIME, v.time().toEpochMilli());
        p.put(FRAMES, v.pluginFrames().toArray(String[]::new));
        return p;
    }
}
