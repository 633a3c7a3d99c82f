package sandbox.core.hooks;

import java.util.Set;

/**
 * Service interfaces the framework or a container service calls with authority over other bundles. Felix's
 * HookRegistry keeps the first ten and calls every registered one, whoever registered it; the last one sees and may
 * rewrite every configuration, including the sandbox's policy.
 */
public final class HookNames {
    /** The names, as registered. */
    public static final Set<String> NAMES = Set.of(
            "org.osgi.framework.hooks.bundle.CollisionHook",
            "org.osgi.framework.hooks.bundle.FindHook",
            "org.osgi.framework.hooks.bundle.EventHook",
            "org.osgi.framework.hooks.service.EventHook",
            "org.osgi.framework.hooks.service.EventListenerHook",
            "org.osgi.framework.hooks.service.FindHook",
            "org.osgi.framework.hooks.service.ListenerHook",
            "org.osgi.framework.hooks.weaving.WeavingHook",
            "org.osgi.framework.hooks.weaving.WovenClassListener",
            "org.osgi.framework.hooks.resolver.ResolverHookFactory",
            "org.osgi.service.url.URLStreamHandlerService",
            "java.net.ContentHandler",
            "org.osgi.service.cm.ConfigurationPlugin");

    private HookNames() {
    }

    /** @return true when a service registered under this name acts on other bundles */
    public static boolean isHook(String className) {
        return NAMES.contains(className) || className.startsWith("org.osgi.framework.hooks.");
    }
}
