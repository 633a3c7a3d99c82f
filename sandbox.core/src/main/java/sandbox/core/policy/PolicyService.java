package sandbox.core.policy;

import java.nio.file.Path;
import java.util.Collection;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import sandbox.api.IsolationConfig;
import sandbox.api.PluginPermissions;
import sandbox.api.ViolationService;
import sandbox.core.accounting.PluginAccounts;
import sandbox.core.config.PolicyChangeListener;
import sandbox.core.plugins.DefaultPluginPolicy;
import sandbox.core.plugins.PluginDataRoot;
import sandbox.core.plugins.PluginPolicyProvider;

/**
 * Keeps every plugin's {@link PolicyHandle} in step with the operator's policy: creates a handle when a plugin's
 * first class is woven, applies policy changes to live handles (no re-weave, no restart), and connects the
 * violation service and the thread ledger the decisions need.
 *
 * <p>Without a policy provider the default applies (STANDARD, nothing granted): never wider than intended.
 */
@Component(service = {PolicyService.class, PolicyChangeListener.class}, immediate = true)
public final class PolicyService implements PolicyChangeListener {
    private static final IsolationConfig STRICTEST = IsolationConfig.DEFAULTS.withLevel(sandbox.api.IsolationLevel.STRICT);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginPolicyProvider provider;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, bind = "bindViolations", unbind = "unbindViolations")
    volatile ViolationService violations;

    @Reference
    PluginAccounts accounts;

    private PluginDataRoot dataRoot;   // the execution service creates the same folders (one rule)
    private BundleContext context;
    // an updated bundle gets a fresh handle (new version) when its new revision's classes are woven; an uninstalled
    // one none at all. Classes of an old revision keep the handle they were bound to.
    private final BundleListener forget = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED || event.getType() == BundleEvent.UPDATED) {
            HandleRegistry.remove(event.getBundle().getBundleId());
        }
    };

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addBundleListener(forget);
        dataRoot = PluginDataRoot.of(context);
        HandleRegistry.connectNetworkMeters(accounts.network());
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(forget);
        HandleRegistry.connectNetworkMeters(null);
    }

    void bindViolations(ViolationService service) {
        violations = service;
        ViolationReporter.connect(service);
    }

    void unbindViolations(ViolationService service) {
        if (violations == service) {
            violations = null;
            ViolationReporter.connect(null);
        }
    }

    /**
     * @param bundle a plugin bundle
     * @return its handle, created and registered on first use
     */
    public PolicyHandle handleFor(Bundle bundle) {
        return HandleRegistry.byBundle(bundle.getBundleId()).orElseGet(() -> {
            String id = bundle.getSymbolicName() == null ? "bundle-" + bundle.getBundleId() : bundle.getSymbolicName();
            PolicyHandle h = new PolicyHandle(id, bundle.getVersion().toString(), bundle.getBundleId(),
                    accounts.ioAccount(id), STRICTEST, PluginPermissions.NONE, dataFolder(id));
            apply(h, bundle);
            HandleRegistry.register(h);
            return h;
        });
    }

    @Override
    public void policyChanged(Collection<Bundle> affected) {
        for (Bundle b : affected) {
            HandleRegistry.byBundle(b.getBundleId()).ifPresent(h -> apply(h, b));
        }
    }

    private void apply(PolicyHandle h, Bundle b) {
        PluginPolicyProvider p = effectiveProvider();
        IsolationConfig config;
        PluginPermissions granted;
        try {
            config = p.config(b);
            granted = p.granted(b);
        } catch (RuntimeException e) {   // a provider that cannot answer: the narrowest policy, never the old wider one
            config = STRICTEST;
            granted = PluginPermissions.NONE;
        }
        h.update(config, granted, dataFolder(h.pluginId()));
    }

    private PluginPolicyProvider effectiveProvider() {
        PluginPolicyProvider p = provider;
        return p == null ? DefaultPluginPolicy.INSTANCE : p;
    }

    private Path dataFolder(String pluginId) {
        return dataRoot == null ? null : dataRoot.folderOf(pluginId);
    }
}
