package sandbox.core.plugins;

import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The one trust rule of the container: a bundle is trusted infrastructure when it is the system bundle or its
 * location starts with one of the prefixes in framework property {@value #PROPERTY}; every other bundle is a
 * plugin (untrusted: woven, accounted, listed).
 *
 * <p>Fail closed: no property, a blank property, a missing location or a location that climbs out of its folder
 * with a {@code ..} segment all mean "plugin". Blank entries in the list are ignored, because an empty prefix
 * would match every location and silently trust everything.
 */
public final class TrustedBundles {
    /** Framework property: comma-separated location prefixes of trusted bundles. */
    public static final String PROPERTY = "sandbox.trusted.locations";

    private final List<String> prefixes;

    /** @param property the property's value, may be {@code null} */
    public TrustedBundles(String property) {
        this.prefixes = property == null ? List.of()
                : Arrays.stream(property.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** @return the rule as configured in the framework the context belongs to */
    public static TrustedBundles of(BundleContext context) {
        return new TrustedBundles(context.getProperty(PROPERTY));
    }

    /** @return true when the bundle is the system bundle or was installed from a trusted location */
    public boolean isTrusted(Bundle bundle) {
        return isTrusted(bundle.getBundleId(), bundle.getLocation());
    }

    /** @return true when the bundle is a plugin: everything that is not trusted */
    public boolean isPlugin(Bundle bundle) {
        return !isTrusted(bundle);
    }

    /**
     * @param bundleId the framework's bundle id
     * @param location the bundle's location, may be {@code null}
     * @return true for the system bundle and for locations under a trusted prefix
     */
    public boolean isTrusted(long bundleId, String location) {
        if (bundleId == Constants.SYSTEM_BUNDLE_ID) {
            return true;
        }
        if (location == null || climbsOut(location)) {
            return false;
        }
        for (String prefix : prefixes) {
            if (location.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @return the configured prefixes, blank entries dropped */
    public List<String> prefixes() {
        return prefixes;
    }

    // "file:/opt/sandbox/bundle/../deploy/evil.jar" starts with the trusted prefix but is not inside it.
    private static boolean climbsOut(String location) {
        String l = location.replace('\\', '/');
        return l.contains("/../") || l.endsWith("/..") || l.contains("%2e%2e") || l.contains("%2E%2E");
    }
}
