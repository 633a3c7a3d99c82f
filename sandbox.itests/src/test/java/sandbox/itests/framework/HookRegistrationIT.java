package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.Violation;
import sandbox.itests.framework.hostile.HookRegistrar;

/**
 * E3 and E5: a plugin registers framework hooks (a WeavingHook to un-weave itself or weave the host, a
 * ResolverHookFactory, service and bundle find/event hooks to hide things from the sandbox). Felix calls every
 * registered hook; the sandbox unregisters a plugin's hook before {@code registerService} returns, and records it.
 */
public class HookRegistrationIT extends FrameworkDefenceSupport {
    private static final String WEAVING = "org.osgi.framework.hooks.weaving.WeavingHook";
    private static final String RESOLVER = "org.osgi.framework.hooks.resolver.ResolverHookFactory";
    private static final String SERVICE_FIND = "org.osgi.framework.hooks.service.FindHook";
    private static final String BUNDLE_EVENT = "org.osgi.framework.hooks.bundle.EventHook";
    private static final Map<String, String> HOOKS =
            Map.of("Hostile-Hooks", String.join(",", WEAVING, RESOLVER, SERVICE_FIND, BUNDLE_EVENT));

    @Test
    public void hooksRegisteredByAPluginAreUnregisteredAndRecordedAtStandardAndStrict() throws Exception {
        policy("hostile.hooks.strict", IsolationLevel.STRICT);
        for (String bsn : new String[] {"hostile.hooks.standard", "hostile.hooks.strict"}) {
            Bundle b = installHostile(bsn, HookRegistrar.class, HOOKS);
            awaitPolicy(bsn, bsn.endsWith("strict") ? IsolationLevel.STRICT : IsolationLevel.STANDARD, 0);
            start(b);
            for (String hook : new String[] {WEAVING, RESOLVER, SERVICE_FIND, BUNDLE_EVENT}) {
                assertEquals(bsn + " " + hook, "unregistered", outcome(bsn, hook));
                assertTrue(bsn + " still has a " + hook, registered(b, hook).isEmpty());
                Violation v = awaitViolation(bsn, PermissionKind.FRAMEWORK, "BundleContext.registerService", hook);
                assertTrue(v.describe(), v.enforced());
            }
        }
    }

    @Test
    public void aGrantedHookStaysRegistered() throws Exception {
        String bsn = "hostile.hooks.granted";
        policy(bsn, IsolationLevel.STANDARD, "framework;target=\"" + WEAVING + "\";actions=hook");
        Bundle b = installHostile(bsn, HookRegistrar.class, Map.of("Hostile-Hooks", WEAVING + "," + RESOLVER));
        awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
        start(b);
        assertEquals("registered", outcome(bsn, WEAVING));
        assertEquals("the grant names the weaving hook only", "unregistered", outcome(bsn, RESOLVER));
        assertTrue(violationsOf(bsn).stream().noneMatch(v -> v.target().equals(WEAVING)));
    }

    @Test
    public void minimalRecordsTheHookButLetsItStay() throws Exception {
        String bsn = "hostile.hooks.minimal";
        policy(bsn, IsolationLevel.MINIMAL);
        Bundle b = installHostile(bsn, HookRegistrar.class, Map.of("Hostile-Hooks", WEAVING));
        awaitPolicy(bsn, IsolationLevel.MINIMAL, 0);
        start(b);
        assertEquals("registered", outcome(bsn, WEAVING));
        Violation v = awaitViolation(bsn, PermissionKind.FRAMEWORK, "BundleContext.registerService", WEAVING);
        assertTrue("MINIMAL records without enforcing: " + v.describe(), !v.enforced());
    }
}
