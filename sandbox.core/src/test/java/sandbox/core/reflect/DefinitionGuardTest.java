package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static sandbox.core.reflect.Denials.assertDenied;

import org.junit.After;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;

/**
 * Code defined at run time (C1, C2, C4): refused without CLASS_DEFINITION; with it, defined woven, so the defined
 * class's own sensitive call is still checked against the plugin's policy.
 */
public class DefinitionGuardTest {
    private static final String PROP = "reflsamples.define";
    private static final String DEFINE = "class-definition;target=\"*\"";

    @After
    public void clean() {
        System.clearProperty(PROP);
    }

    @Test
    public void lookupDefineClass() throws Throwable {
        check("lookupDefine");
    }

    @Test
    public void hiddenClass() throws Throwable {
        check("hiddenDefine");
    }

    @Test
    public void pluginClassLoader() throws Throwable {
        check("loaderDefine");
    }

    @Test
    public void aPluginClassLoadersParentIsThePluginsOwnSpace() throws Throwable {
        WovenPlugin mayDefine = new WovenPlugin(IsolationLevel.STANDARD, DEFINE);
        assertDenied(mayDefine, PermissionKind.REFLECTION, () -> mayDefine.call("Definition", "systemParent"));
        assertDenied(mayDefine, PermissionKind.REFLECTION, () -> mayDefine.call("Definition", "implicitParent"));
        assertEquals(true, mayDefine.call("Definition", "ownParent"));
        WovenPlugin nothing = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(nothing, PermissionKind.CLASS_DEFINITION, () -> nothing.call("Definition", "ownParent"));
        WovenPlugin both = new WovenPlugin(IsolationLevel.STANDARD, DEFINE + ",reflection;target=\"*\"");
        assertEquals(true, both.call("Definition", "systemParent"));
        assertEquals(true, both.call("Definition", "implicitParent"));
    }

    private static void check(String action) throws Throwable {
        WovenPlugin refused = new WovenPlugin(IsolationLevel.STANDARD, "");
        assertDenied(refused, PermissionKind.CLASS_DEFINITION, () -> refused.call("Definition", action, PROP, "x"));

        WovenPlugin mayDefine = new WovenPlugin(IsolationLevel.STANDARD, DEFINE);
        assertDenied(mayDefine, PermissionKind.PROPERTY, () -> mayDefine.call("Definition", action, PROP, "x"));
        assertEquals("the defined class was woven: its call was checked", null, System.getProperty(PROP));

        WovenPlugin mayBoth = new WovenPlugin(IsolationLevel.STANDARD,
                DEFINE + ",property;target=\"reflsamples.*\";actions=write");
        mayBoth.call("Definition", action, PROP, action);
        assertEquals(action, System.getProperty(PROP));
    }
}
