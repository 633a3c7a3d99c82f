package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static sandbox.core.reflect.Denials.assertDenied;

import org.junit.After;
import org.junit.Test;
import reflhost.HostState;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;

/** Method handles (B3, B5, B11, H6) in woven sample classes, with real lookups and invocations. */
public class HandleGuardTest {
    private static final String PROP = "reflsamples.handle";
    private static final String GRANT_PROP = "property;target=\"reflsamples.*\";actions=write";

    @After
    public void clean() {
        System.clearProperty(PROP);
        HostState.reset();
    }

    @Test
    public void findStaticHandleChecksEveryInvocation() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Handles", "findStatic", PROP, "x"));
        assertEquals(null, System.getProperty(PROP));
        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, GRANT_PROP);
        granted.call("Handles", "findStatic", PROP, "granted");
        assertEquals("granted", System.getProperty(PROP));
    }

    @Test
    public void unreflectThroughPublicLookupIsChecked() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Handles", "unreflect", PROP, "x"));
    }

    @Test
    public void aHandleToMethodInvokeLeadsBackToTheGuard() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Handles", "handleToInvoke", PROP, "x"));
        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, GRANT_PROP);
        granted.call("Handles", "handleToInvoke", PROP, "via invoke");
        assertEquals("via invoke", System.getProperty(PROP));
    }

    @Test
    public void privateLookupInAnotherBundlesClassNeedsReflection() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Handles", "privateLookupIn", HostState.class));
        assertTrue(HostState.enforcing());
    }

    @Test
    public void anInterfaceAdapterKeepsTheHandleGuarded() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Handles", "proxyAdapter", PROP, "x"));
    }

    @Test
    public void aBootstrapMethodsLookupIsGuardedToo() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Handles", "viaBootstrap", PROP, "x"));
    }

    @Test
    public void harmlessHandlesAreLeftAsTheJdkMadeThem() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertEquals(true, p.call("Handles", "harmlessIsDirect"));
    }
}
