package sandbox.core.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.PluginState;

public class PluginAssessmentTest {
    private static final RequestedPermissions NOTHING = RequestedPermissions.parse(null);
    private static final String MISSING = "osgi.wiring.package; (osgi.wiring.package=com.example.absent)";

    private static PluginAssessment assess(BundleLife life, int services) {
        return PluginAssessment.assess("p", life, NOTHING, null, List.of(), services);
    }

    @Test
    public void aBundleAskedToRunThatDidNotResolveIsFailedWithTheMissingRequirement() {
        PluginAssessment a = assess(new BundleLife(Bundle.INSTALLED, true, MISSING, null), 0);
        assertEquals(PluginState.FAILED, a.state());
        assertEquals("bundle did not resolve: missing " + MISSING, a.problem());
    }

    @Test
    public void withoutAMissingRequirementTheFrameworkErrorOrTheHookIsNamed() {
        String felix = "org.osgi.framework.BundleException: Unable to resolve p [7](R 7.0): missing requirement ...";
        assertEquals("bundle did not resolve: " + felix,
                assess(new BundleLife(Bundle.INSTALLED, true, null, felix), 0).problem());
        PluginAssessment hook = assess(new BundleLife(Bundle.INSTALLED, true, null, null), 0);
        assertEquals(PluginState.FAILED, hook.state());
        assertTrue(hook.problem(), hook.problem().startsWith("bundle did not resolve: ") && hook.problem().contains("resolver hook"));
    }

    @Test
    public void aBundleAskedToRunThatStayedResolvedFailedToStart() {
        String error = "org.osgi.framework.BundleException: Activator start error in bundle p [7].";
        PluginAssessment withError = assess(new BundleLife(Bundle.RESOLVED, true, null, error), 0);
        assertEquals(PluginState.FAILED, withError.state());
        assertEquals("bundle start failed: " + error, withError.problem());
        PluginAssessment silent = assess(new BundleLife(Bundle.RESOLVED, true, null, null), 0);
        assertEquals(PluginState.FAILED, silent.state());
        assertTrue(silent.problem(), silent.problem().startsWith("bundle start failed: ") && silent.problem().contains("activator"));
    }

    @Test
    public void aBundleNobodyAskedToStartIsOnlyInstalledButSaysWhatItWouldMiss() {
        PluginAssessment notStarted = assess(new BundleLife(Bundle.INSTALLED, false, MISSING, null), 0);
        assertEquals(PluginState.INSTALLED, notStarted.state());
        assertEquals("the bundle is INSTALLED (not resolved), not ACTIVE; it cannot resolve: missing " + MISSING,
                notStarted.problem());
        PluginAssessment stopped = assess(new BundleLife(Bundle.RESOLVED, false, null, null), 1);
        assertEquals(PluginState.INSTALLED, stopped.state());
        assertEquals("the bundle is RESOLVED, not ACTIVE", stopped.problem());
        assertEquals(PluginState.INSTALLED, assess(new BundleLife(Bundle.STARTING, true, null, null), 0).state());
    }

    @Test
    public void anActiveBundleIsJudgedByItsServicesEvenWithAnOldError() {
        assertEquals(PluginState.READY, assess(new BundleLife(Bundle.ACTIVE, true, null, "old error"), 1).state());
        assertEquals(PluginState.INSTALLED, assess(new BundleLife(Bundle.ACTIVE, true, null, null), 0).state());
    }

    @Test
    public void headerProblemsComeBeforeLifecycleProblems() {
        PluginAssessment a = PluginAssessment.assess("p", new BundleLife(Bundle.INSTALLED, true, MISSING, null),
                RequestedPermissions.parse("teleport"), null, List.of(), 0);
        assertEquals(PluginState.FAILED, a.state());
        assertTrue(a.problem(), a.problem().contains("teleport"));
    }
}
