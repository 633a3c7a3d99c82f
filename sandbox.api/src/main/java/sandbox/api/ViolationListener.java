package sandbox.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard service told of every violation, after it was recorded. Called off the plugin's thread. */
@ConsumerType
public interface ViolationListener {

    /** @param violation what happened; a listener that throws is logged and skipped */
    void violated(Violation violation);
}
