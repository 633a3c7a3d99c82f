package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.itests.framework.hostile.ServiceProbe;

/**
 * E9 and E12: Configuration Admin (the sandbox's own policy lives there), Gogo's CommandProcessor, SCR's runtime,
 * framework hooks and the sandbox's internal services are invisible to plugins unless the operator grants one.
 */
public class ControlServicesIT extends FrameworkDefenceSupport {
    private static final String CM = "org.osgi.service.cm.ConfigurationAdmin";
    private static final List<String> CONTROL = List.of(CM, "org.apache.felix.service.command.CommandProcessor",
            "org.osgi.service.component.runtime.ServiceComponentRuntime",
            "org.osgi.framework.hooks.resolver.ResolverHookFactory", "sandbox.api.ViolationService",
            "sandbox.api.PluginActivity");

    @Test
    public void controlServicesAreHiddenAtStandardAndStrict() throws Exception {
        policy("hostile.services.strict", IsolationLevel.STRICT);
        for (String bsn : new String[] {"hostile.services.standard", "hostile.services.strict"}) {
            for (String name : CONTROL) {
                assertTrue("the test container must have " + name, context.getServiceReference(name) != null);
            }
            Bundle b = installHostile(bsn, ServiceProbe.class, Map.of("Hostile-Services", String.join(",", CONTROL)));
            awaitPolicy(bsn, bsn.endsWith("strict") ? IsolationLevel.STRICT : IsolationLevel.STANDARD, 0);
            start(b);
            for (String name : CONTROL) {
                assertEquals(bsn + " looking up " + name, "hidden", outcome(bsn, name));
                assertTrue(awaitViolation(bsn, PermissionKind.FRAMEWORK, "BundleContext.getServiceReference", name).enforced());
            }
        }
    }

    @Test
    public void aGrantedServiceIsVisibleAndOnlyThatOne() throws Exception {
        String bsn = "hostile.services.granted";
        policy(bsn, IsolationLevel.STANDARD, "framework;target=\"" + CM + "\";actions=service");
        Bundle b = installHostile(bsn, ServiceProbe.class, Map.of("Hostile-Services", String.join(",", CONTROL)));
        awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
        start(b);
        assertEquals("found", outcome(bsn, CM));
        for (String name : CONTROL.subList(1, CONTROL.size())) {
            assertEquals(name, "hidden", outcome(bsn, name));
        }
    }
}
