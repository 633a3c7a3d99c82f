package sandbox.itests.framework;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginInfo;
import sandbox.api.Violation;
import sandbox.api.ViolationService;
import sandbox.itests.Await;
import sandbox.itests.ReactorBundles;
import sandbox.itests.SandboxContainerOptions;
import sandbox.itests.SandboxTestSupport;
import sandbox.itests.framework.hostile.Outcome;

/**
 * Shared steps of the group-E tests: install a hostile fixture as a plugin, set its policy through Configuration
 * Admin, read what it reports, and find the violation the sandbox recorded.
 */
public abstract class FrameworkDefenceSupport extends SandboxTestSupport {

    /** Writes a fixture jar into this test's scratch folder and installs it (not started) as a plugin. */
    protected Bundle installHostile(String bsn, Class<?> activator, Map<String, String> headers) throws IOException, BundleException {
        Path jar = HostileBundles.write(scratchDir().resolve(bsn + ".jar"), bsn, activator, headers);
        String location = ReactorBundles.location(jar);
        for (String prefix : context.getProperty(SandboxContainerOptions.TRUSTED_LOCATIONS).split(",")) {
            assertTrue("test bug: fixture location " + location + " is trusted", !location.startsWith(prefix));
        }
        return context.installBundle(location);
    }

    /** Puts a policy entry into Configuration Admin; returns its PID. */
    protected String policy(String match, IsolationLevel level, String... grants) throws ReflectiveOperationException {
        return policyAdmin().create(PolicyAdmin.entry(match, level.name(), grants));
    }

    protected PolicyAdmin policyAdmin() throws ReflectiveOperationException {
        return new PolicyAdmin(context);
    }

    /** Waits until the sandbox applies this level and number of grants to the plugin. */
    protected PluginInfo awaitPolicy(String pluginId, IsolationLevel level, int grants) {
        return Await.until(pluginId + " at " + level + " with " + grants + " grant(s), now " + sandbox.plugin(pluginId),
                () -> sandbox.plugin(pluginId).filter(p -> p.config().level() == level && p.granted().grants().size() == grants));
    }

    /**
     * Waits for what the fixture reports about {@code key}. Read from the fixture bundle's registered services:
     * lookups of trusted bundles (this probe) do not see services plugins register (E11), while
     * {@code Bundle.getRegisteredServices()} is not subject to find hooks.
     */
    protected String outcome(String bsn, String key) {
        return Await.until("fixture " + bsn + " to report on " + key, () -> bundle(bsn).map(Bundle::getRegisteredServices)
                .flatMap(refs -> java.util.Arrays.stream(refs).filter(r -> bsn.equals(r.getProperty(Outcome.BSN))
                        && key.equals(r.getProperty(Outcome.KEY))).findFirst())
                .map(r -> (String) r.getProperty(Outcome.VALUE)));
    }

    /** @return the services the bundle has registered now under that interface (not subject to find hooks) */
    protected static List<ServiceReference<?>> registered(Bundle bundle, String objectClass) {
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        return refs == null ? List.of() : java.util.Arrays.stream(refs)
                .filter(r -> java.util.Arrays.asList((String[]) r.getProperty(org.osgi.framework.Constants.OBJECTCLASS)).contains(objectClass))
                .toList();
    }

    /** Waits for the violation the sandbox must have recorded, and returns it. */
    protected Violation awaitViolation(String pluginId, PermissionKind kind, String operation, String target) throws InterruptedException {
        ViolationService violations = awaitService(ViolationService.class);
        return Await.until("violation " + kind + " " + operation + " " + target + " by " + pluginId + "; recorded: "
                        + describe(violations.recent(50)),
                () -> violations.recent(1000).stream().filter(v -> v.pluginId().equals(pluginId) && v.permission() == kind
                        && v.operation().equals(operation) && v.target().equals(target)).findFirst());
    }

    /** @return the violations recorded for the plugin so far */
    protected List<Violation> violationsOf(String pluginId) throws InterruptedException {
        return awaitService(ViolationService.class).recent(1000).stream().filter(v -> v.pluginId().equals(pluginId)).toList();
    }

    /** @param properties an entry's new properties */
    protected void updatePolicy(String pid, Dictionary<String, Object> properties) throws ReflectiveOperationException {
        policyAdmin().update(pid, properties);
    }

    private static String describe(List<Violation> list) {
        return list.stream().map(Violation::describe).toList().toString();
    }

}
