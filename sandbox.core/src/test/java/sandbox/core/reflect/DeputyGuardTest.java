package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static sandbox.core.reflect.Denials.assertDenied;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.TimeZone;
import org.junit.After;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;

/** JDK deputies that reflect, define or deserialise for the caller (B6-B8, C5-C9, C12, D11, D12, beyond). */
public class DeputyGuardTest {
    private static final String PROP = "reflsamples.deputy";

    @After
    public void clean() {
        System.clearProperty(PROP);
    }

    private static WovenPlugin standard() {
        return new WovenPlugin(IsolationLevel.STANDARD, "");
    }

    @Test
    public void javaBeansStatement() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "beansStatement", PROP, "x"));
        assertEquals(null, System.getProperty(PROP));
    }

    @Test
    public void dynalink() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "dynalink"));
    }

    @Test
    public void jmxAsAReflectionEngineAndThePlatformBeans() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "modelMBean"));
        assertDenied(p, PermissionKind.JVM_GLOBAL, () -> p.call("Deputies", "platformMBeanServer"));
    }

    @Test
    public void moduleLayersCompilersToolsAndScriptEngines() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.CLASS_DEFINITION, () -> p.call("Deputies", "moduleFinder"));
        assertDenied(p, PermissionKind.CLASS_DEFINITION, () -> p.call("Deputies", "toolProvider"));
        assertDenied(p, PermissionKind.CLASS_DEFINITION, () -> p.call("Deputies", "systemCompiler"));
        assertDenied(p, PermissionKind.CLASS_DEFINITION, () -> p.call("Deputies", "scriptEngines"));
    }

    @Test
    public void grantedClassDefinitionOpensTheTools() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.STANDARD, "class-definition;target=\"*\"");
        assertEquals(0, p.call("Deputies", "moduleFinder"));
    }

    @Test
    public void xsltFactoriesComeHardenedAndCannotBeRelaxed() throws Throwable {
        WovenPlugin p = standard();
        assertEquals(true, p.call("Deputies", "xsltFactory"));
        assertDenied(p, PermissionKind.CLASS_DEFINITION, () -> p.call("Deputies", "xsltRelax"));
    }

    @Test
    public void deserialisingAJdkInternalClassIsRefused() throws Throwable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TimeZone.getTimeZone("UTC"));   // sun.util.calendar.ZoneInfo: a package java.base does not export
        }
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "deserialize", (Object) bytes.toByteArray()));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(plain)) {
            out.writeObject("just a string");
        }
        assertEquals("just a string", p.call("Deputies", "deserialize", (Object) plain.toByteArray()));
    }

    @Test
    public void beyondTheCatalogueSwingLazyValueAndMarshalledObject() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "proxyLazyValue"));
        assertDenied(p, PermissionKind.REFLECTION, () -> p.call("Deputies", "marshalled", "x"));
    }

    @Test
    public void preferences() {
        WovenPlugin p = standard();
        assertDenied(p, PermissionKind.JVM_GLOBAL, () -> p.call("Deputies", "preferences"));
    }

    @Test
    public void minimalAllowsAndRecords() throws Throwable {
        WovenPlugin p = new WovenPlugin(IsolationLevel.MINIMAL, "");
        assertEquals(0, p.call("Deputies", "moduleFinder"));
        assertTrue(Denials.last(p) != null);
    }
}
