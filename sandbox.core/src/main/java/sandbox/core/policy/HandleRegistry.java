package sandbox.core.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every plugin's {@link PolicyHandle}, by bundle id and by plugin id. Static because woven code reaches it from
 * static initialisers, before any service could be looked up; the policy component fills it.
 */
public final class HandleRegistry {
    private static final Map<Long, PolicyHandle> BY_BUNDLE = new ConcurrentHashMap<>();
    private static final Map<String, PolicyHandle> BY_PLUGIN = new ConcurrentHashMap<>();
    private static volatile sandbox.core.accounting.NetworkMeters networkMeters;

    private HandleRegistry() {
    }

    /** Adds or replaces the handle of a plugin bundle. */
    public static void register(PolicyHandle handle) {
        CoreCallers.require("registering a policy handle");
        BY_BUNDLE.put(handle.bundleId(), handle);
        BY_PLUGIN.put(handle.pluginId(), handle);
    }

    /** Forgets a bundle's handle (uninstalled). Woven classes still alive keep theirs. */
    public static void remove(long bundleId) {
        CoreCallers.require("removing a policy handle");
        PolicyHandle h = BY_BUNDLE.remove(bundleId);
        if (h != null) {
            BY_PLUGIN.remove(h.pluginId(), h);
        }
    }

    public static Optional<PolicyHandle> byBundle(long bundleId) {
        return Optional.ofNullable(BY_BUNDLE.get(bundleId));
    }

    public static Optional<PolicyHandle> byPlugin(String pluginId) {
        return Optional.ofNullable(BY_PLUGIN.get(pluginId));
    }

    public static Collection<PolicyHandle> all() {
        return List.copyOf(BY_BUNDLE.values());
    }

    /**
     * Binds a woven class to its plugin's handle, once, from its static initialiser.
     *
     * @param bundleId the bundle id the weaver baked into the class
     * @param caller the class being initialised, as found by a stack walk in the guard (never trusted from an argument)
     * @return the handle
     * @throws SecurityException when the caller is not a class of that bundle or the bundle has no handle
     */
    public static PolicyHandle bind(long bundleId, Class<?> caller) {
        long actual = LoaderIdentity.bundleOf(caller);
        if (actual != bundleId) {
            PolicyHandle own = BY_BUNDLE.get(actual);
            if (own != null) {   // a plugin driving the guard itself, reflectively (H10): its own violation
                ViolationReporter.report(own, sandbox.api.PermissionKind.REFLECTION, "sandbox.core.guard.Guard.bind",
                        "bundle " + bundleId, true);
            }
            throw new SecurityException("Sandbox refuses to bind " + caller.getName() + " to bundle " + bundleId
                    + ": the class belongs to " + (actual == LoaderIdentity.NONE ? "no plugin bundle" : "bundle " + actual));
        }
        PolicyHandle h = BY_BUNDLE.get(bundleId);
        if (h == null) {
            throw new SecurityException("Sandbox has no policy for bundle " + bundleId + " (class " + caller.getName()
                    + "); the class cannot run");
        }
        return h;
    }

    /** Connects the socket meters of the accounting ledger; {@code null} when it goes. */
    public static void connectNetworkMeters(sandbox.core.accounting.NetworkMeters meters) {
        CoreCallers.require("connecting the socket meters");
        networkMeters = meters;
    }

    /** @return the socket meters, {@code null} while no ledger is connected */
    public static sandbox.core.accounting.NetworkMeters networkMeters() {
        return networkMeters;
    }
}
