package sandbox.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when a plugin's use of a resource crosses a threshold, in either direction.
 * Called on the monitor's thread after the sample: keep it short.
 */
@ConsumerType
public interface ResourceListener {

    /** @param event the crossing; a listener that throws is logged and skipped */
    void resourceChanged(ResourceEvent event);
}
