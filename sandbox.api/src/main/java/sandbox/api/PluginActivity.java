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

    /**
     * Cost of the plugin's tasks that ran on threads charged task by task (shared JDK pool threads lent to it, and
     * threads started through the sandbox's thread wrappers) and have finished, measured exactly by the wrappers.
     *
     * @param pluginId a plugin's id
     * @return the cost, {@link ThreadCost#ZERO} if none or unknown
     */
    default ThreadCost finishedTaskCost(String pluginId) {
        return ThreadCost.ZERO;
    }

    /**
     * @param pluginId a plugin's id
     * @return the plugin's tasks running now on threads charged task by task, with each thread's reading at the start
     */
    default List<TaskRun> runningTasks(String pluginId) {
        return List.of();
    }

    /**
     * A sampler must not charge such a thread's whole life to a plugin: its cost is in {@link #finishedTaskCost}
     * and {@link #runningTasks}.
     *
     * @param thread any thread
     * @return true when the thread's cost is charged task by task
     */
    default boolean chargedByTask(Thread thread) {
        return false;
    }
}
