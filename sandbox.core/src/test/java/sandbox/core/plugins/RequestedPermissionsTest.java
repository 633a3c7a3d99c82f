package sandbox.core.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.osgi.framework.Bundle;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;
import sandbox.api.PluginState;

public class RequestedPermissionsTest {

    @Test
    public void anAbsentHeaderAsksForNothing() {
        RequestedPermissions r = RequestedPermissions.parse(null);
        assertTrue(r.valid());
        assertEquals(PluginPermissions.NONE, r.permissions());
    }

    @Test
    public void aWellFormedHeaderIsParsed() {
        RequestedPermissions r = RequestedPermissions.parse(
                "file;target=\"cache/**\";actions=\"read,write\",network;target=\"api.example.com:443\";actions=connect");
        assertTrue(r.valid());
        assertEquals(2, r.permissions().grants().size());
        assertEquals(PermissionKind.NETWORK, r.permissions().grants().get(1).kind());
    }

    @Test
    public void aMalformedHeaderNamesTheBadClauseAndGrantsNothing() {
        RequestedPermissions r = RequestedPermissions.parse("file;target=\"a\",teleport;target=\"moon\"");
        assertFalse(r.valid());
        assertEquals(PluginPermissions.NONE, r.permissions());
        assertTrue(r.problem(), r.problem().contains("Sandbox-Permissions"));
        assertTrue(r.problem(), r.problem().contains("clause 2"));
        assertTrue(r.problem(), r.problem().contains("teleport"));
    }

    @Test
    public void aMalformedHeaderMakesTheActivePluginFailedNotReady() {
        RequestedPermissions bad = RequestedPermissions.parse("network;target=\"no-port\"");
        PluginAssessment a = PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), bad, null, List.of(), 1);
        assertEquals(PluginState.FAILED, a.state());
        assertTrue(a.problem(), a.problem().contains("no-port"));
    }

    @Test
    public void readyOnlyWhenActiveWithExactlyOnePluginService() {
        RequestedPermissions ok = RequestedPermissions.parse(null);
        assertEquals(PluginState.READY, PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, null, List.of(), 1).state());
        assertNull(PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, null, List.of(), 1).problem());
        assertEquals(PluginState.INSTALLED, PluginAssessment.assess("p", BundleLife.of(Bundle.RESOLVED), ok, null, List.of(), 0).state());
        assertEquals(PluginState.INSTALLED, PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, null, List.of(), 0).state());
        assertEquals(PluginState.FAILED, PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, null, List.of(), 2).state());
    }

    @Test
    public void failsClosedOnSharedIdsMissingNamesAndPolicyErrors() {
        RequestedPermissions ok = RequestedPermissions.parse(null);
        PluginAssessment shared = PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, null, List.of(12L), 1);
        assertEquals(PluginState.FAILED, shared.state());
        assertTrue(shared.problem(), shared.problem().contains("[12]"));
        assertEquals(PluginState.FAILED, PluginAssessment.assess(null, BundleLife.of(Bundle.ACTIVE), ok, null, List.of(), 1).state());
        PluginAssessment policy = PluginAssessment.assess("p", BundleLife.of(Bundle.ACTIVE), ok, "policy broke", List.of(), 1);
        assertEquals(PluginState.FAILED, policy.state());
        assertEquals("policy broke", policy.problem());
    }
}
