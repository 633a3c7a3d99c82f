package sandbox.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the enforcement layer knows about each plugin's activity: which threads it owns and what I/O it did.
 * Provided by sandbox.core, read by the monitor.
 *
 * <p>A thread is owned by a plugin from birth when the plugin created it by any route, and for the length of an
 * execution when it is the execution's thread.
 */
@ProviderType
public interface PluginActivity {

    /** @return ids of the plugins that have owned a thread or done I/O */
    Set<String> plugins();

    /**
     * @param pluginId a plugin's id
     * @return the live threads the plugin owns now (empty if none or unknown)
     */
    List<Thread> liveThreads(String pluginId);

    /**
     * @param thread any thread
     * @return the id of the plugin owning it, if a plugin does
     */
    Optional<String> ownerOf(Thread thread);

    /**
     * @param pluginId a plugin's id
     * @return its I/O counters ({@link IoCounters#ZERO} if unknown)
     */
    IoCounters io(String pluginId);
}
