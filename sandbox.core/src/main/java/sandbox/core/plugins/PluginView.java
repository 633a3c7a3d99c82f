package sandbox.core.plugins;

import java.util.Objects;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import sandbox.api.Plugin;
import sandbox.api.PluginInfo;
import sandbox.api.PluginState;

/**
 * One plugin as the registry sees it at one moment: the API view plus what the core needs to run it.
 *
 * @param info the plugin as the API describes it
 * @param bundle its bundle
 * @param service its one {@link Plugin} service, {@code null} unless READY
 * @param problem why it is FAILED or not READY, for operators; {@code null} when READY
 */
public record PluginView(PluginInfo info, Bundle bundle, ServiceReference<Plugin> service, String problem) {

    /** Rejects a READY view without a service and a non-READY view without a reason. */
    public PluginView {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(bundle, "bundle");
        if ((info.state() == PluginState.READY) != (service != null && problem == null)) {
            throw new IllegalArgumentException("a plugin is READY exactly when it has a service and no problem: " + info.id());
        }
    }

    /** @return true when the plugin may be executed */
    public boolean ready() {
        return info.state() == PluginState.READY;
    }
}
