package sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-plugin resource accounting (OSGi Compendium chapter 144 in spirit: one resource context per plugin
 * bundle). Provided by sandbox.monitor. Readings come from periodic samples; {@link #sampleNow()} takes one at once.
 */
@ProviderType
public interface ResourceMonitor {

    /**
     * @param pluginId a plugin's id
     * @return its usage as of the latest sample, empty if the plugin has not been seen
     */
    Optional<ResourceUsage> usage(String pluginId);

    /** @return the usage of every plugin seen, sorted by id, as of the latest sample */
    List<ResourceUsage> snapshot();

    /** Takes a sample now (also when periodic sampling is off), checks thresholds, and returns it, sorted by id. */
    List<ResourceUsage> sampleNow();

    /**
     * @param pluginId a plugin's id
     * @return the level of every resource that has a limit, as of the latest sample
     */
    Map<ResourceKind, ResourceLevel> levels(String pluginId);

    /** @return process and machine figures, empty until the first (slow) reading is done or if unavailable */
    Optional<SystemUsage> system();
}
