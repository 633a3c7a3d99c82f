package sandbox.core.runaway;

import java.util.Objects;

/**
 * Thrown into plugin code by the woven poll when the plugin's current execution is over a budget or the plugin is
 * being stopped. An {@link Error} so that ordinary {@code catch (Exception)} code lets it pass; the weaver rewrites
 * the handlers that could catch it ({@code Throwable}, {@code Error}) so that they rethrow it while it is in force.
 *
 * <p>Instances are made once per decision, off the plugin's thread, and thrown as often as needed: no stack trace
 * (it would show the watchdog, not the plugin) and no allocation on the plugin's thread, which may be out of stack.
 */
public final class PluginTerminatedError extends Error {
    private static final long serialVersionUID = 1L;

    private final transient Budget budget;
    private final String pluginId;
    private volatile boolean reported;

    /**
     * @param budget which budget ended the plugin's code
     * @param pluginId the plugin
     * @param message what happened, with the figures, e.g. "CPU time 2.03 s over the budget of 2 s"
     */
    public PluginTerminatedError(Budget budget, String pluginId, String message) {
        super(message, null, false, false);
        this.budget = Objects.requireNonNull(budget, "budget");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    }

    /** @return which budget ended the plugin's code */
    public Budget budget() {
        return budget;
    }

    /** @return the plugin whose code was ended */
    public String pluginId() {
        return pluginId;
    }

    /** @return true the first time only: whoever gets true records the violation */
    boolean claimReport() {
        synchronized (this) {
            if (reported) {
                return false;
            }
            reported = true;
            return true;
        }
    }
}
