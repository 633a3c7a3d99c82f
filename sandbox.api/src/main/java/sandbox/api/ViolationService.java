package sandbox.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Where enforcement points report violations, and where the recent ones can be read back. */
@ProviderType
public interface ViolationService {

    /**
     * Records a violation and delivers it to every {@link ViolationListener} and to Event Admin.
     * Delivery is asynchronous: the reporting thread (often the plugin's) is not held up by listeners.
     *
     * @param violation what happened
     */
    void report(Violation violation);

    /**
     * @param limit the most to return
     * @return the most recent violations, newest first
     */
    List<Violation> recent(int limit);
}
