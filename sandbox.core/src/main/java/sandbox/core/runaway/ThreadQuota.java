package sandbox.core.runaway;

/**
 * The thread-creation guard's way to the plugin's live-thread quota. Static because the guard is reached from
 * woven plugin code through static calls; the core's {@link RunawayContainment} sets the instance in use.
 */
public final class ThreadQuota {
    private static volatile Containment current;

    private ThreadQuota() {
    }

    static void use(Containment containment) {
        current = containment;
    }

    /**
     * Called before a plugin thread starts a thread (or a pool that will).
     *
     * @param pluginId the plugin starting it
     * @throws PluginTerminatedError when the plugin already owns its quota of live threads: the execution ends
     *         with THREADS_EXCEEDED and its threads are stopped
     */
    public static void check(String pluginId) {
        Containment containment = current;
        if (containment != null) {
            containment.checkThreadQuota(pluginId);
        }
    }
}
