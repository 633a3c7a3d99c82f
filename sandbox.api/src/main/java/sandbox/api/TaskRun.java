package sandbox.api;

import java.util.Objects;

/**
 * A plugin task running now on a thread whose cost is charged to the plugin task by task (a shared JDK pool
 * thread lent to the plugin, or a thread started through the sandbox's thread wrappers). Only what the thread
 * spends after {@link #start()} belongs to the plugin.
 *
 * @param thread the thread running the task
 * @param start the thread's CPU and allocation reading when the task started
 */
public record TaskRun(Thread thread, ThreadCost start) {

    /** Rejects missing parts. */
    public TaskRun {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(start, "start");
    }
}
