package sandbox.core.hooks;

import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import sandbox.api.PermissionKind;

/**
 * Which services a plugin may see. Services registered by plugins (itself or others) are visible, except framework
 * hooks. Services registered by trusted bundles are hidden unless every one of their interfaces is plugin-facing
 * ({@link #PLUGIN_FACING}) or granted with {@code framework;target=<interface>;actions=service}. So Configuration
 * Admin, every hook, Permission Admin, Gogo's CommandProcessor and commands, SCR's runtime, Event Admin and the
 * sandbox's own services are out of reach by default (E5, E9, E12), and the rule needs no list of what to hide.
 *
 * <p>The other way round (E11): trusted bundles do not see services registered by plugins, so host code never binds
 * to a plugin's higher-ranked {@code Runnable} or whiteboard service and hands it data. Visible are only services
 * whose every interface is host-facing ({@link #HOST_FACING}: {@code sandbox.api.Plugin}, how the container finds
 * plugins) or granted to the registering plugin with {@code framework;target=<interface>;actions=register}. Like the
 * resolver's rule for trusted requirements this holds at every level (MINIMAL included) and reports nothing: the
 * plugin broke no rule by registering, the host just does not look.
 */
final class ServiceVisibility {
    /** Interfaces of trusted services any plugin may use. */
    static final List<String> PLUGIN_FACING = List.of(
            "org.osgi.service.log.LoggerFactory", "org.osgi.service.log.LogService");

    /** Interfaces of plugin services every trusted bundle may see. */
    static final List<String> HOST_FACING = List.of("sandbox.api.Plugin");

    private final FrameworkPolicy policy;
    private final Bundle enforcer;

    /**
     * @param policy the decision
     * @param enforcer sandbox.core: its hook guard must see the hooks plugins register, to unregister them
     */
    ServiceVisibility(FrameworkPolicy policy, Bundle enforcer) {
        this.policy = policy;
        this.enforcer = enforcer;
    }

    /** @return true when the trusted viewer may see the service (always, unless a plugin registered it) */
    boolean visibleToTrusted(Bundle viewer, ServiceReference<?> ref) {
        Bundle registrant = ref.getBundle();
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        if (registrant == null || classes == null || !policy.plugin(registrant)) {
            return true;
        }
        if (enforcer != null && enforcer.equals(viewer) && Arrays.stream(classes).anyMatch(HookNames::isHook)) {
            return true;
        }
        for (String c : classes) {
            if (!HOST_FACING.contains(c) && policy.decide(registrant, PermissionKind.FRAMEWORK, "register", c) != Decision.ALLOW) {
                return false;
            }
        }
        return true;
    }

    /** @return ALLOW when visible; otherwise the decision of the first interface not granted */
    Decision visibility(Bundle viewer, ServiceReference<?> ref) {
        Bundle registrant = ref.getBundle();
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        if (registrant == null || classes == null) {
            return Decision.ALLOW; // unregistered meanwhile: nothing to hide
        }
        if (policy.plugin(registrant)) {
            for (String c : classes) {
                if (HookNames.isHook(c)) {
                    return Decision.DENY;
                }
            }
            return Decision.ALLOW;
        }
        Decision result = Decision.ALLOW;
        for (String c : classes) {
            if (HookNames.isHook(c)) {
                return Decision.DENY;
            }
            if (!PLUGIN_FACING.contains(c)) {
                Decision d = policy.decide(viewer, PermissionKind.FRAMEWORK, "service", c);
                if (d == Decision.DENY) {
                    return d;
                }
                if (d == Decision.RECORD) {
                    result = d;
                }
            }
        }
        return result;
    }

    /** @return the first interface of the service, for messages */
    static String name(ServiceReference<?> ref) {
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        return classes == null || classes.length == 0 ? "?" : String.join(",", classes);
    }
}
