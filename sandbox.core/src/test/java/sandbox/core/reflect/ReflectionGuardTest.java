package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static sandbox.core.reflect.Denials.assertDenied;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import org.junit.After;
import org.junit.Test;
import reflhost.HostState;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.core.policy.HandleRegistry;

/** Core reflection (B1, B2, B4, B9, E10) in woven sample classes, with real reflective calls. */
public class ReflectionGuardTest {
    private static final String PROP = "reflsamples.prop";
    private static final String GRANT_PROP = "property;target=\"reflsamples.*\";actions=write";

    @After
    public void clean() {
        System.clearProperty(PROP);
        HostState.reset();
    }

    @Test
    public void methodInvokeIsCheckedAsIfCalledDirectly() throws Throwable {
        WovenPlugin standard = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(standard, PermissionKind.PROPERTY, () -> standard.call("Reflection", "setPropertyReflectively", PROP, "x"));
        assertEquals(null, System.getProperty(PROP));

        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, GRANT_PROP);
        granted.call("Reflection", "setPropertyReflectively", PROP, "granted");
        assertEquals("granted", System.getProperty(PROP));
    }

    @Test
    public void constructorNewInstanceChecksTheFile() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        File target = Files.createTempDirectory("reflect").resolve("x.txt").toFile();
        assertDenied(p, PermissionKind.FILE, () -> p.call("Reflection", "openFileReflectively", target.getPath()));
        assertFalse("nothing was created", target.exists());
    }

    @Test
    public void ownPrivateMembersStayUsableAndTargetExceptionsAreWrapped() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertEquals("own private method / own secret", p.call("Reflection", "ownPrivate"));
        try {
            p.call("Reflection", "targetThrows");
            fail("parseInt of a word must fail");
        } catch (InvocationTargetException e) {
            assertTrue(e.getCause() instanceof NumberFormatException);
        }
    }

    @Test
    public void setAccessibleOnAnotherBundlesClassNeedsReflection() throws Throwable {
        WovenPlugin standard = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(standard, PermissionKind.REFLECTION, () -> standard.call("Reflection", "flipHost", HostState.class));
        assertTrue(HostState.enforcing());

        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"reflhost.*\"");
        assertEquals(false, granted.call("Reflection", "flipHost", HostState.class));
    }

    @Test
    public void minimalRecordsAndAllows() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.MINIMAL, "");
        assertEquals(false, p.call("Reflection", "flipHost", HostState.class));
        assertTrue(p.handle.audit().toString(), Denials.last(p) != null);
    }

    @Test
    public void sandboxInternalsAreNeverReachableEvenWhenGranted() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"*\"");
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "sandboxInternals"));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "internalsOf", HandleRegistry.class));
        WovenPlugin minimal = new WovenPlugin(IsolationLevel.MINIMAL, "");
        assertDenied(minimal, PermissionKind.REFLECTION, () -> minimal.call("Reflection", "internalsOf", HandleRegistry.class));
    }

    @Test
    public void theWeaversHandleFieldAndBeansOnSandboxObjectsAreNeverReachable() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"*\"");
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "ownHandle"));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "beansOnSandboxObject", p.handle));
        assertEquals("called", p.call("Reflection", "beansOnSandboxObject", "a string"));
    }

    @Test
    public void theUnsafeIsNeverReachable() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"*\"");
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "theUnsafe"));
    }

    @Test
    public void strictDeniesPublicReflectionOnJdkClassesStandardAllowsIt() throws Throwable {
        WovenPlugin standard = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertEquals(4, standard.call("Reflection", "publicJdkMethod"));
        WovenPlugin strict = new WovenPlugin(IsolationLevel.STRICT, "");
        assertDenied(strict, PermissionKind.REFLECTION, () -> strict.call("Reflection", "publicJdkMethod"));
    }

    @Test
    public void aForeignLoaderGivesOnlyWhatThePluginsSpaceHas() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        ClassLoader system = ClassLoader.getSystemClassLoader();
        assertEquals("java.lang.String", p.call("Reflection", "foreignForName", system, "java.lang.String"));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "foreignForName", system, "reflhost.HostState"));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "foreignLoadClass", system, "reflhost.HostState"));
        assertEquals("reflsamples.Handles", p.call("Reflection", "foreignForName", p.loader, "reflsamples.Handles"));
    }

    @Test
    public void serviceLoaderAndResourceBundleWithAForeignLoader() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        ClassLoader host = HostState.class.getClassLoader();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "serviceLoader", host));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "resourceBundle", host));
        assertEquals(false, p.call("Reflection", "serviceLoader", p.loader));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Reflection", "serviceLoaderWithContextLoader", host));
        assertEquals(false, p.call("Reflection", "serviceLoaderWithContextLoader", p.loader));
        WovenPlugin granted = new WovenPlugin(IsolationLevel.STANDARD, "reflection;target=\"*\"");
        assertEquals("host", granted.call("Reflection", "resourceBundle", host));
    }

    @Test
    public void aMethodReferenceToMethodInvokeIsGuarded() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(p, PermissionKind.PROPERTY, () -> p.call("Reflection", "methodReference", PROP, "x"));
        assertEquals(null, System.getProperty(PROP));
    }
}
