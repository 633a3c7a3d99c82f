package sandbox.core.plugins;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import sandbox.api.Plugin;

/**
 * The core's use of one plugin's {@link Plugin} service object. It is obtained lazily, on the first execution's
 * thread, because getting a DS service creates and activates the plugin's component: plugin code that must run
 * on a thread the plugin owns, never on a framework or shell thread. It is then kept, so the component is not
 * deactivated and recreated between executions.
 *
 * <p>{@link #release} never waits for a plugin thread that is stuck inside its component's activation.
 */
final class PluginServiceObject {
    private final ServiceReference<Plugin> reference;
    private final Object getting = new Object();
    private volatile Plugin object;

    PluginServiceObject(ServiceReference<Plugin> reference) {
        this.reference = reference;
    }

    Plugin get(BundleContext context) {
        Plugin p = object;
        if (p != null) {
            return p;
        }
        synchronized (getting) {
            p = object;
            if (p == null) {
                p = context.getService(reference);
                if (p == null) {
                    throw new IllegalStateException("the plugin's Plugin service could not be obtained "
                            + "(its component failed to activate, or it was unregistered)");
                }
                object = p;
            }
            return p;
        }
    }

    void release(BundleContext context) {
        if (object != null) {
            object = null;
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the core's context is already invalid: the framework released every use itself
            }
        }
    }
}
