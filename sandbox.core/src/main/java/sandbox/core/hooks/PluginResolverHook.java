package sandbox.core.hooks;

import java.util.Collection;
import org.osgi.framework.Bundle;
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
 * Bundles a plugin installs without the right (E1) and plugin extension bundles are uninstalled by
 * {@link InstallOrigins}, not filtered here (see {@link #filterResolvable}).
 * Trusted bundles' own resolution is never restricted otherwise.
 */
final class PluginResolverHook implements ResolverHook {
    private static final String API_BUNDLE = "sandbox.api";

    private final FrameworkPolicy policy;
    private final FrameworkViolations violations;
    private final Bundle core;

    PluginResolverHook(FrameworkPolicy policy, FrameworkViolations violations, Bundle core) {
        this.policy = policy;
        this.violations = violations;
        this.core = core;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // Never remove anything here: Felix 7 then restricts every provider of the same resolve operation to the
        // shrunk list, which made trusted bundles' dynamic imports fail while one refused bundle was installed.
        // Refused bundles are uninstalled by InstallOrigins instead.
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
        boolean declared = StaticImports.of(plugin).contains(pkg);
        String operation = declared ? "Import-Package" : "DynamicImport-Package";
        if (PackageRules.closed(pkg)) {   // the sink agent's gate: never, at any level (docs/sinks.md)
            if (report) {
                violations.report(plugin, PermissionKind.REFLECTION, operation, pkg, Decision.DENY);
            }
            return false;
        }
        if (provider.equals(core)) {
            // Woven code reaches core's exports through an import the weaver adds (Felix gives it no
            // resolution:=dynamic directive, so the manifest tells): only a static Import-Package is refused (H10).
            if (!declared) {
                return true;
            }
            if (report) {
                violations.report(plugin, PermissionKind.FRAMEWORK, operation, pkg, Decision.DENY);
            }
            return false;
        }
        return PackageRules.ruleFor(pkg)
                .map(r -> check(plugin, r.kind(), r.action(), operation, pkg, report))
                .orElse(true);
    }

    private boolean check(Bundle plugin, PermissionKind kind, String action, String operation, String target, boolean report) {
        Decision d = policy.decide(plugin, kind, action, target);
        if (report) {
            violations.report(plugin, kind, operation, target, d);
        }
        return d.allowed();
    }

    @Override
    public void end() {
        // stateless per resolve operation
    }
}
