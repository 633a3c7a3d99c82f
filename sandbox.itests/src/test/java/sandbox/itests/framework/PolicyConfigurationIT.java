package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginInfo;
import sandbox.itests.framework.hostile.ServiceProbe;

/**
 * The operator's policy through the real Configuration Admin: most specific entry wins, a change applies to a running
 * plugin without reinstalling it, and a bad entry makes its plugins STRICT with no grants (never the wider policy of a
 * less specific entry) while Configuration Admin keeps what the operator wrote.
 */
public class PolicyConfigurationIT extends FrameworkDefenceSupport {

    @Test
    public void mostSpecificEntryWinsAndChangesApplyWhileRunning() throws Exception {
        policy("example.*", IsolationLevel.MINIMAL);
        String exact = policy("example.hello", IsolationLevel.STRICT, "exit");
        awaitPolicy("example.hello", IsolationLevel.STRICT, 1);
        awaitPolicy("example.sleepy", IsolationLevel.MINIMAL, 0);
        long id = sandbox.plugin("example.hello").orElseThrow().bundleId();

        updatePolicy(exact, PolicyAdmin.entry("example.hello", "STANDARD", "exit", "property;target=\"user.home\";actions=read"));
        PluginInfo after = awaitPolicy("example.hello", IsolationLevel.STANDARD, 2);
        assertEquals("same bundle: not reinstalled", id, after.bundleId());
        assertEquals(Bundle.ACTIVE, context.getBundle(id).getState());
    }

    @Test
    public void aBadEntryFallsBackToStrictWithoutGrantsAndIsKept() throws Exception {
        policy("example.*", IsolationLevel.MINIMAL, "exit");
        String pid = policy("example.hello", IsolationLevel.STANDARD);
        awaitPolicy("example.hello", IsolationLevel.STANDARD, 0);

        Dictionary<String, Object> bad = PolicyAdmin.entry("example.hello", "relaxed", "exit");
        updatePolicy(pid, bad);
        PluginInfo info = awaitPolicy("example.hello", IsolationLevel.STRICT, 0);
        assertTrue("no grant survives a rejected entry", info.granted().isEmpty());
        assertEquals("the operator's entry is kept as written", "relaxed", policyAdmin().stored(pid).get("level"));
        awaitPolicy("example.sleepy", IsolationLevel.MINIMAL, 1);

        Dictionary<String, Object> negative = PolicyAdmin.entry("example.hello", "STANDARD");
        negative.put("maxThreads", -3L);
        updatePolicy(pid, negative);
        awaitPolicy("example.hello", IsolationLevel.STRICT, 0);

        updatePolicy(pid, PolicyAdmin.entry("example.hello", "STANDARD", "exit"));
        awaitPolicy("example.hello", IsolationLevel.STANDARD, 1);
    }

    @Test
    public void aServiceGrantTakesEffectForTheNextLookupWithoutRestart() throws Exception {
        String bsn = "hostile.policy.live";
        Bundle b = installHostile(bsn, ServiceProbe.class, Map.of("Hostile-Services", "org.osgi.service.cm.ConfigurationAdmin"));
        start(b);
        assertEquals("hidden", outcome(bsn, "org.osgi.service.cm.ConfigurationAdmin"));
        policy(bsn, IsolationLevel.STANDARD, "framework;target=\"org.osgi.service.cm.ConfigurationAdmin\";actions=service");
        awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
        assertTrue("the running plugin's own context now finds it",
                b.getBundleContext().getServiceReference("org.osgi.service.cm.ConfigurationAdmin") != null);
    }
}
