package sandbox.core.plugins;

import org.osgi.framework.Bundle;
import sandbox.api.PluginState;

/**
 * Decides a plugin's state from the facts the registry tracks. Pure, so every rule is unit-tested.
 * The order of the checks is the order of importance: the first problem found is the one reported.
 *
 * @param state the resulting state
 * @param problem why the plugin is not READY ({@code null} when it is)
 */
public record PluginAssessment(PluginState state, String problem) {

    /**
     * @param id the plugin id (bundle symbolic name), {@code null} if the bundle has none
     * @param life the bundle's state and, when it is not running, what is known about why
     * @param requested the parsed permissions header
     * @param policyProblem why the policy could not answer for this bundle, {@code null} if it did
     * @param sharedIdWith other bundle ids with the same symbolic name (empty if none)
     * @param pluginServices how many {@code Plugin} services the bundle registers
     * @return the state and, unless READY, the reason
     */
    public static PluginAssessment assess(String id, BundleLife life, RequestedPermissions requested,
                                          String policyProblem, java.util.List<Long> sharedIdWith, int pluginServices) {
        if (id == null) {
            return failed("the bundle has no Bundle-SymbolicName, so it has no plugin id");
        }
        if (!requested.valid()) {
            return failed(requested.problem());
        }
        if (policyProblem != null) {
            return failed(policyProblem);
        }
        if (!sharedIdWith.isEmpty()) {
            return failed("plugin id '" + id + "' is also used by bundle(s) " + sharedIdWith + "; ids must be unique");
        }
        if (pluginServices > 1) {
            return failed("the bundle registers " + pluginServices + " Plugin services; a plugin registers exactly one");
        }
        if (life.state() != Bundle.ACTIVE) {
            return notActive(life);
        }
        if (pluginServices == 0) {
            return new PluginAssessment(PluginState.INSTALLED, "the bundle is ACTIVE but registers no sandbox.api.Plugin service (yet)");
        }
        return new PluginAssessment(PluginState.READY, null);
    }

    /**
     * A bundle asked to run that stayed INSTALLED did not resolve; one that stayed RESOLVED failed to start (its
     * activator threw). Either is FAILED with the reason; otherwise it is merely not started yet (INSTALLED).
     */
    private static PluginAssessment notActive(BundleLife life) {
        if (life.meantToRun() && life.state() == Bundle.INSTALLED) {
            String why = life.unresolved() != null ? "missing " + life.unresolved()
                    : life.lastError() != null ? life.lastError()
                    : "every mandatory requirement has a provider among the installed bundles, so a resolver hook "
                    + "(the class-space rules of its isolation level) or a uses-constraint conflict kept it out";
            return failed("bundle did not resolve: " + why);
        }
        if (life.meantToRun() && life.state() == Bundle.RESOLVED) {
            return failed("bundle start failed: " + (life.lastError() != null ? life.lastError()
                    : "it is marked started but is not active, so its activator threw or the start was refused "
                    + "(the exception went to whoever started it, e.g. the FileInstall log)"));
        }
        String why = "the bundle is " + stateName(life.state()) + ", not ACTIVE";
        if (life.unresolved() != null) {
            why += "; it cannot resolve: missing " + life.unresolved();
        }
        return new PluginAssessment(PluginState.INSTALLED, why);
    }

    private static PluginAssessment failed(String why) {
        return new PluginAssessment(PluginState.FAILED, why);
    }

    /** @return the OSGi name of a bundle state */
    public static String stateName(int bundleState) {
        return switch (bundleState) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + bundleState;
        };
    }
}
