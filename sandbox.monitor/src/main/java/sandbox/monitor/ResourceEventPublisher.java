package sandbox.monitor;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceListener;

/**
 * Forwards threshold crossings to Event Admin, topic {@code sandbox/resource/<LEVEL>}. A component of its own so
 * the monitor runs where Event Admin is not installed (its package import is optional).
 */
@Component
public class ResourceEventPublisher implements ResourceListener {

    @Reference
    EventAdmin eventAdmin;

    @Override
    public void resourceChanged(ResourceEvent event) {
        Map<String, Object> props = new HashMap<>();
        props.put("plugin.id", event.pluginId());
        props.put("resource", event.resource().name());
        props.put("level", event.level().name());
        props.put("previous", event.previous().name());
        props.put("value", event.value());
        props.put("limit", event.limit());
        props.put("timestamp", event.time().toEpochMilli());
        eventAdmin.postEvent(new Event(ResourceEvent.TOPIC_PREFIX + event.level().name(), props));
    }
}
