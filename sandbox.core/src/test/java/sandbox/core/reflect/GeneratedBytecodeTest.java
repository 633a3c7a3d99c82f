package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static sandbox.core.reflect.Denials.assertDenied;

import org.junit.After;
import org.junit.Test;
import org.objectweb.asm.Opcodes;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.core.weaving.WeavingPipeline;

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
    public void aClassFile52InterfaceHoldsItsGuardWrappersAndIsChecked() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        Class<?> c = p.define("reflsamples.gen.LdcInterface52", GeneratedClasses.ldcInterface("reflsamples.gen.LdcInterface52", Opcodes.V1_8));
        Object setProperty = System.class.getMethod("setProperty", String.class, String.class);
        assertDenied(p, PermissionKind.PROPERTY, () -> WovenPlugin.call(c, "run", setProperty, new Object[] {PROP, "ldc"}));
        Object instance = java.lang.reflect.Proxy.newProxyInstance(p.loader, new Class<?>[] {c}, (proxy, m, args) ->
                java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args));
        java.lang.reflect.Method set = c.getMethod("set", String.class, String.class);
        assertDenied(p, PermissionKind.PROPERTY, () -> set.invoke(instance, PROP, "default"));
        assertEquals(null, System.getProperty(PROP));
    }

    @Test
    public void anInterfaceBelowClassFile52WithAGuardedHandleIsRefused() {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        try {
            p.define("reflsamples.gen.LdcInterface51", GeneratedClasses.ldcInterface("reflsamples.gen.LdcInterface51", Opcodes.V1_7));
            fail("an interface of class file 51 cannot hold the wrapper; it must not load");
        } catch (WeavingPipeline.WeaveFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains("(class file 51) refers to a reflective method handle"
                    + " and cannot hold a private guard method"));
        }
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
