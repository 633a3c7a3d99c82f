package sandbox.core.plugins;

import org.osgi.framework.Bundle;

/**
 * The facts about a plugin bundle's life that tell whether it should be running and, if it is not, why.
 *
 * @param state the bundle's OSGi state ({@link Bundle#ACTIVE}, ...)
 * @param meantToRun true when someone asked for it to be started (persistently) and the framework is active at a
 *                   start level that should have started it: not running then means starting it failed
 * @param unresolved the mandatory requirements no installed bundle provides (read only for an INSTALLED bundle),
 *                   {@code null} when none is missing or it was not looked at
 * @param lastError the last framework ERROR event for the bundle since it last started, {@code null} if none
 */
public record BundleLife(int state, boolean meantToRun, String unresolved, String lastError) {

    /** @param state a bundle state @return a bundle nobody asked to start, with nothing known against it */
    public static BundleLife of(int state) {
        return new BundleLife(state, false, null, null);
    }
}
