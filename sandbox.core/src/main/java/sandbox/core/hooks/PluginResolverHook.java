package sandbox.core.hooks;

import java.util.Collection;
import java.util.Iterator;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import sandbox.api.PermissionKind;

/**
 * Class space of plugins (design layer 1). For a requirement of a plugin, removes the candidates it may not wire to:
 * <ul>
 *   <li>packages of trusted exporters in {@link PackageRules} unless granted (MINIMAL: allowed and recorded) —
 *       this covers {@code DynamicImport-Package}, whose candidates pass through here per package (E10);</li>
 *   <li>sandbox.core's packages: it exports only what woven code calls (guard facade, runaway poll), and the weaver
 *       reaches them through a dynamic import it adds; a static {@code Import-Package} of them is refused at every
 *       level (H10);</li>
 *   <li>{@code Require-Bundle} of any trusted bundle but sandbox.api (it would import everything it exports);</li>
 *   <li>trusted hosts for a plugin fragment, unless {@code framework;target=<host>;actions=fragment} (E6).</li>
 * </ul>
 * For a requirement of a trusted bundle, plugin candidates are removed: infrastructure never wires to plugin code (E11).
 * {@link #filterResolvable} keeps out bundles a plugin installed without the right (E1) and plugin extension bundles.
 * Trusted bundles' own resolution is never restricted otherwise.
 */
final class PluginResolverHook implements ResolverHook {
    private static final String API_BUNDLE = "sandbox.api";

    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;
    private final Bundle core;
    private final InstallOrigins origins;

    PluginResolverHook(FrameworkPolicy policy, FrameworkViolations violations, Bundle core, InstallOrigins origins) {
        this.policy = policy;
        this.violations = violations;
        this.core = core;
        this.origins = origins;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        for (Iterator<BundleRevision> it = candidates.iterator(); it.hasNext(); ) {
            Bundle b = it.next().getBundle();
            String refusal = origins.refusal(b);
            if (refusal == null && policy.plugin(b) && isExtension(b)) {
                violations.report(b, PermissionKind.FRAMEWORK, "Fragment-Host extension", "system.bundle", Decision.DENY);
                refusal = "extension";
            }
            if (refusal != null) {
                it.remove();
            }
        }
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
        // Singletons compete by symbolic name; plugin ids must be unique anyway (the registry fails duplicates).
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        Bundle requirer = requirement.getRevision().getBundle();
        if (policy.trusted(requirer)) {
            candidates.removeIf(c -> policy.plugin(c.getRevision().getBundle())
                    && (requirement.getNamespace().equals(PackageNamespace.PACKAGE_NAMESPACE)
                        || requirement.getNamespace().equals(BundleNamespace.BUNDLE_NAMESPACE)));
            return;
        }
        candidates.removeIf(c -> !allowed(requirer, requirement, c, true));
    }

    /** @return true when the plugin's requirement may wire to the capability under the policy in force now */
    boolean permits(BundleRequirement requirement, BundleCapability capability) {
        Bundle requirer = requirement.getRevision().getBundle();
        if (policy.trusted(requirer)) {
            return true;
        }
        return allowed(requirer, requirement, capability, false);
    }

    private boolean allowed(Bundle plugin, BundleRequirement requirement, BundleCapability candidate, boolean report) {
        Bundle provider = candidate.getRevision().getBundle();
        if (policy.plugin(provider)) {
            return true;
        }
        switch (requirement.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE:
                return packageAllowed(plugin, requirement, provider,
                        String.valueOf(candidate.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)), report);
            case BundleNamespace.BUNDLE_NAMESPACE:
                if (API_BUNDLE.equals(provider.getSymbolicName())) {
                    return true;
                }
                return check(plugin, PermissionKind.FRAMEWORK, "lifecycle", "Require-Bundle", String.valueOf(provider.getSymbolicName()), report);
            case HostNamespace.HOST_NAMESPACE:
                return check(plugin, PermissionKind.FRAMEWORK, "fragment", "Fragment-Host", String.valueOf(provider.getSymbolicName()), report);
            default:
                return true;
        }
    }

    private boolean packageAllowed(Bundle plugin, BundleRequirement requirement, Bundle provider, String pkg, boolean report) {
        if (provider.equals(core)) {
            boolean dynamic = PackageNamespace.RESOLUTION_DYNAMIC.equals(
                    requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (dynamic) {
                return true;
            }
            if (report) {
                violations.report(plugin, PermissionKind.FRAMEWORK, importKind(requirement), pkg, Decision.DENY);
            }
            return false;
        }
        return PackageRules.ruleFor(pkg)
                .map(r -> check(plugin, r.kind(), r.action(), importKind(requirement), pkg, report))
                .orElse(true);
    }

    private boolean check(Bundle plugin, PermissionKind kind, String action, String operation, String target, boolean report) {
        Decision d = policy.decide(plugin, kind, action, target);
        if (report) {
            violations.report(plugin, kind, operation, target, d);
        }
        return d.allowed();
    }

    private static String importKind(BundleRequirement requirement) {
        return PackageNamespace.RESOLUTION_DYNAMIC.equals(
                requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                ? "DynamicImport-Package" : "Import-Package";
    }

    private static boolean isExtension(Bundle b) {
        String host = b.getHeaders("").get(Constants.FRAGMENT_HOST);
        return host != null && host.contains(Constants.EXTENSION_DIRECTIVE);
    }

    @Override
    public void end() {
        // stateless per resolve operation
    }
}
