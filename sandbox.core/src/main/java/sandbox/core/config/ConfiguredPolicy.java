package sandbox.core.config;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import sandbox.api.IsolationConfig;
import sandbox.api.PluginPermissions;
import sandbox.core.plugins.PluginPolicyProvider;
import sandbox.core.plugins.TrustedBundles;

/**
 * The operator's policy: every factory configuration of PID {@value PolicyConfig#FACTORY_PID}, read from
 * Configuration Admin into one immutable {@link PolicyTable} and re-read on every change of such a configuration.
 *
 * <p>A change applies to running plugins at once: answers come from the new table as soon as it is built, then every
 * {@link PolicyChangeListener} is told which plugin bundles changed. A rejected configuration is logged as an error
 * naming its PID and the bad field; it stays stored in Configuration Admin untouched (the operator fixes it there),
 * and its plugins get {@link PluginPolicy#RESTRICTIVE} meanwhile.
 */
@Component(service = {PluginPolicyProvider.class, ConfigurationListener.class, ConfiguredPolicy.class},
        immediate = true, configurationPid = PolicyConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.IGNORE,
        property = Constants.SERVICE_RANKING + ":Integer=100")
@Designate(ocd = PolicyConfig.class, factory = true)
public final class ConfiguredPolicy implements PluginPolicyProvider, ConfigurationListener {
    private static final System.Logger LOG = System.getLogger("sandbox.core.config");
    private static final String FILTER = "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + PolicyConfig.FACTORY_PID + ")";

    @Reference
    ConfigurationAdmin configurationAdmin;

    /** Told after each change; the list is the DS whiteboard. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<PolicyChangeListener> listeners = new CopyOnWriteArrayList<>();

    /** The table and its answers, swapped as one so no answer of an old table survives a change. */
    private volatile Snapshot snapshot = new Snapshot(PolicyTable.EMPTY);
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        reload();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (PolicyConfig.FACTORY_PID.equals(event.getFactoryPid())) {
            reload();
        }
    }

    @Override
    public IsolationConfig config(Bundle bundle) {
        return resolve(bundle).policy().config();
    }

    @Override
    public PluginPermissions granted(Bundle bundle) {
        return resolve(bundle).policy().granted();
    }

    /** @return the plugin's policy and which entry (or which problem) it comes from */
    public PolicyTable.Resolution resolve(Bundle bundle) {
        Snapshot s = snapshot;
        return s.answers.computeIfAbsent(String.valueOf(bundle.getSymbolicName()), s.table::resolve);
    }

    /** @return the entries in force, valid and rejected */
    public PolicyTable table() {
        return snapshot.table;
    }

    /** Reads every policy configuration again; synchronized so two events never interleave their tables. */
    synchronized void reload() {
        PolicyTable next = new PolicyTable(read());
        next.entries().stream().filter(e -> !e.valid()).forEach(e -> LOG.log(Level.ERROR, e.problem()));
        PolicyTable previous = snapshot.table;
        snapshot = new Snapshot(next);
        List<Bundle> affected = affected(previous, next);
        if (!affected.isEmpty()) {
            LOG.log(Level.INFO, "sandbox policy changed for " + affected.size() + " plugin(s): "
                    + affected.stream().map(b -> b.getSymbolicName() + " -> " + resolve(b).reason()).toList());
            for (PolicyChangeListener l : listeners) {
                try {
                    l.policyChanged(Collections.unmodifiableList(affected));
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "policy change listener " + l + " failed", e);
                }
            }
        }
    }

    private List<PolicyEntry> read() {
        List<PolicyEntry> entries = new ArrayList<>();
        try {
            Configuration[] configs = configurationAdmin.listConfigurations(FILTER);
            if (configs != null) {
                for (Configuration c : configs) {
                    Dictionary<String, Object> props = c.getProperties();
                    if (props != null) {
                        entries.add(PolicyEntry.parse(c.getPid(), toMap(props)));
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            // Cannot read the policy at all: every configured plugin must not keep a wider policy than intended.
            LOG.log(Level.ERROR, "cannot read sandbox policy configurations; every plugin falls back to STRICT", e);
            return List.of(new PolicyEntry("(unreadable)", PluginPattern.parse("*"), null, "configurations unreadable: " + e));
        }
        return entries;
    }

    private List<Bundle> affected(PolicyTable previous, PolicyTable next) {
        List<Bundle> out = new ArrayList<>();
        if (context == null) {
            return out;
        }
        TrustedBundles trust = TrustedBundles.of(context);
        for (Bundle b : context.getBundles()) {
            if (trust.isPlugin(b)) {
                String name = String.valueOf(b.getSymbolicName());
                if (!Objects.equals(previous.resolve(name).policy(), next.resolve(name).policy())) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private record Snapshot(PolicyTable table, Map<String, PolicyTable.Resolution> answers) {
        Snapshot(PolicyTable table) {
            this(table, new ConcurrentHashMap<>());
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }
}
