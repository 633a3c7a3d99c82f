package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static sandbox.core.reflect.Denials.assertDenied;

import org.junit.After;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;

/** Bytecode javac cannot emit, woven and run: a custom bootstrap's Lookup (H6), ldc handles (H7), dynamic constants (H8). */
public class GeneratedBytecodeTest {
    private static final String PROP = "reflsamples.generated";

    @After
    public void clean() {
        System.clearProperty(PROP);
    }

    @Test
    public void aCustomBootstrapsLookupFindsOnlyGuardedHandles() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        Class<?> c = p.define(GeneratedClasses.INDY, GeneratedClasses.indyBootstrap());
        assertDenied(p, PermissionKind.PROPERTY, () -> WovenPlugin.call(c, "run", PROP, "indy"));
        assertEquals(null, System.getProperty(PROP));

        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, "property;target=\"reflsamples.*\";actions=write");
        Class<?> g = granted.define(GeneratedClasses.INDY, GeneratedClasses.indyBootstrap());
        WovenPlugin.call(g, "run", PROP, "indy");
        assertEquals("indy", System.getProperty(PROP));
    }

    @Test
    public void aDynamicConstantCallingClassForNameIsGuarded() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"*\"");
        Class<?> c = p.define(GeneratedClasses.CONDY, GeneratedClasses.condyForName());
        assertDenied(p, PermissionKind.REFLECTION, () -> WovenPlugin.call(c, "run"));
    }

    @Test
    public void anLdcHandleToMethodInvokeLeadsToTheGuard() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        Class<?> c = p.define(GeneratedClasses.LDC, GeneratedClasses.ldcMethodInvoke());
        Object setProperty = System.class.getMethod("setProperty", String.class, String.class);
        assertDenied(p, PermissionKind.PROPERTY, () -> WovenPlugin.call(c, "run", setProperty, new Object[] {PROP, "ldc"}));
        assertEquals(null, System.getProperty(PROP));
    }
}
