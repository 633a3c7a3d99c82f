package sandbox.core.hooks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import sandbox.api.PermissionKind;

public class PackageRulesTest {

    @Test
    public void rowsCoverTheirSubtreeOnly() {
        assertEquals(PermissionKind.REFLECTION, PackageRules.ruleFor("sun.misc").orElseThrow().kind());
        assertEquals(PermissionKind.REFLECTION, PackageRules.ruleFor("com.sun.tools.attach").orElseThrow().kind());
        assertEquals(PermissionKind.REFLECTION, PackageRules.ruleFor("jdk.jshell").orElseThrow().kind());
        assertEquals(PermissionKind.REFLECTION, PackageRules.ruleFor("javax.management.loading").orElseThrow().kind());
        assertEquals(PermissionKind.CLASS_DEFINITION, PackageRules.ruleFor("javax.script").orElseThrow().kind());
        assertEquals("hook", PackageRules.ruleFor("org.osgi.framework.hooks.weaving").orElseThrow().action());
        assertEquals("service", PackageRules.ruleFor("org.osgi.service.cm").orElseThrow().action());
        assertTrue(PackageRules.ruleFor("org.apache.felix.service.command").isPresent());
        assertFalse("prefix must end at a dot", PackageRules.ruleFor("sunny.days").isPresent());
        assertFalse(PackageRules.ruleFor("jdkx.y").isPresent());
        assertFalse(PackageRules.ruleFor("org.osgi.framework").isPresent());
        assertFalse(PackageRules.ruleFor("org.osgi.service.log").isPresent());
        assertFalse(PackageRules.ruleFor("javax.xml.parsers").isPresent());
        assertFalse(PackageRules.ruleFor("sandbox.api").isPresent());
    }

    @Test
    public void hookNamesIncludeEveryFelixHookAndConfigurationPlugins() {
        assertTrue(HookNames.isHook("org.osgi.framework.hooks.weaving.WeavingHook"));
        assertTrue(HookNames.isHook("org.osgi.framework.hooks.resolver.ResolverHookFactory"));
        assertTrue(HookNames.isHook("org.osgi.framework.hooks.some.FutureHook"));
        assertTrue(HookNames.isHook("org.osgi.service.cm.ConfigurationPlugin"));
        assertTrue(HookNames.isHook("org.osgi.service.url.URLStreamHandlerService"));
        assertFalse(HookNames.isHook("sandbox.api.Plugin"));
        String filter = HookRegistrationGuard.filter();
        assertTrue(filter, filter.startsWith("(|(objectClass=org.osgi.framework.hooks.*)"));
        assertTrue(filter, filter.contains("(objectClass=org.osgi.service.cm.ConfigurationPlugin)"));
    }

    @Test
    public void theSinkAgentsGateIsClosedWhateverIsGranted() {
        assertTrue(PackageRules.closed("sandbox.agent.gate"));
        assertTrue(PackageRules.closed("sandbox.agent"));
        assertFalse(PackageRules.closed("sandbox.agentx"));
        assertFalse(PackageRules.closed("sandbox.api"));
    }
}
