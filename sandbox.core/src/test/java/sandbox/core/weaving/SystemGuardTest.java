package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Locale;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.ViolationReporter;

/** Exit, processes, native code, properties and JVM-global state, woven and run for real (A1, A2, A17–A19, G, H2, B4). */
public class SystemGuardTest {
    private RecordingViolations violations;

    @Before
    public void setUp() {
        violations = RecordingViolations.connect();
    }

    @After
    public void tearDown() {
        ViolationReporter.connect(null);
        System.clearProperty("sandbox.test.p");
    }

    private void assertDenied(Woven w, PermissionKind kind, String method, Object... args) throws Throwable {
        try {
            w.call("SystemOps", method, args);
            fail("SystemOps." + method + " should have been denied");
        } catch (SandboxDeniedException e) {
            assertEquals(kind, e.permission());
            assertEquals(kind, violations.last().permission());
        }
    }

    @Test
    public void exitAndHaltAreDeniedDirectlyAndThroughAMethodReference() throws Throwable {
        for (IsolationLevel level : new IsolationLevel[] {IsolationLevel.STANDARD, IsolationLevel.STRICT}) {
            Woven w = new Woven(level, PluginPermissions.NONE, null);
            assertDenied(w, PermissionKind.EXIT, "exit");
            assertDenied(w, PermissionKind.EXIT, "exitViaMethodReference");
            assertDenied(w, PermissionKind.EXIT, "halt");
        }
    }

    @Test
    public void processesAndNativeCodeAreDenied() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertDenied(w, PermissionKind.PROCESS, "exec", "/bin/true");
        assertDenied(w, PermissionKind.PROCESS, "processBuilder", "/bin/true");
        assertDenied(w, PermissionKind.NATIVE, "loadLibrary", "evil");
    }

    @Test
    public void grantedProcessRuns() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.parse("process;target=/bin/true"), null);
        Process p = (Process) w.call("SystemOps", "processBuilder", "/bin/true");
        assertEquals(0, p.waitFor());
        assertDenied(w, PermissionKind.PROCESS, "processBuilder", "/bin/false");
    }

    @Test
    public void propertiesAreDeniedUnlessHarmlessOrGranted() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.parse("property;target=\"sandbox.test.*\""), null);
        assertEquals(System.lineSeparator(), w.call("SystemOps", "getProperty", "line.separator"));
        assertDenied(w, PermissionKind.PROPERTY, "getProperty", "user.home");
        assertDenied(w, PermissionKind.PROPERTY, "setProperty", "http.proxyHost", "evil.example");
        assertDenied(w, PermissionKind.PROPERTY, "setPropertyViaMethodReference", "http.proxyHost", "evil.example");
        assertDenied(w, PermissionKind.PROPERTY, "getProperties");
        assertDenied(w, PermissionKind.PROPERTY, "getenv", "PATH");
        assertNull(System.getProperty("http.proxyHost"));
        assertNull(w.call("SystemOps", "setProperty", "sandbox.test.p", "v"));
        assertEquals("v", System.getProperty("sandbox.test.p"));
    }

    @Test
    public void jvmGlobalStateIsDeniedIncludingThroughASubclassQualifier() throws Throwable {
        Locale before = Locale.getDefault();
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertDenied(w, PermissionKind.JVM_GLOBAL, "setDefaultLocale");
        assertDenied(w, PermissionKind.JVM_GLOBAL, "setDefaultTimeZone");
        assertDenied(w, PermissionKind.JVM_GLOBAL, "defaultHandlerViaSubclass");   // H2
        assertDenied(w, PermissionKind.JVM_GLOBAL, "shutdownHook");
        assertDenied(w, PermissionKind.JVM_GLOBAL, "setOut");
        assertEquals(before, Locale.getDefault());
        assertTrue(violations.seen.size() >= 5);
    }

    @Test
    public void denialMessageNamesPluginPermissionOperationAndTarget() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        try {
            w.call("SystemOps", "setProperty", "http.proxyHost", "x");
            fail();
        } catch (SandboxDeniedException e) {
            assertEquals("Sandbox denied plugin " + w.handle.pluginId() + " 1.0.0 permission property write for "
                    + "java.lang.System.setProperty on http.proxyHost", e.getMessage());
        }
    }
}
