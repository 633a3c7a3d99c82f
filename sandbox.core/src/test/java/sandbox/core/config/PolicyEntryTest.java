package sandbox.core.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionGrant;
import sandbox.api.PermissionKind;

public class PolicyEntryTest {

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    public void fullEntryFromCfgStrings() {
        PolicyEntry e = PolicyEntry.parse("sandbox.policy~acme", props(
                "match", "com.acme.*", "level", "strict", "executionTimeMs", "500", "cpuTimeMs", "250",
                "allocatedBytes", "1048576", "maxThreads", "2", "realTimeMonitoring", "false", "checkIntervalMs", "20",
                "grants", "file;target=\"/srv/data/**\";actions=read, network;target=\"api.acme.com:443\";actions=connect",
                "service.pid", "sandbox.policy~acme", "felix.fileinstall.filename", "file:/etc/x.cfg"));
        assertTrue(e.problem(), e.valid());
        PluginPolicy p = e.policy();
        assertEquals(IsolationLevel.STRICT, p.config().level());
        assertEquals(Duration.ofMillis(500), p.config().limits().executionTime());
        assertEquals(Duration.ofMillis(250), p.config().limits().cpuTime());
        assertEquals(1048576L, p.config().limits().allocatedBytes());
        assertEquals(2, p.config().limits().maxThreads());
        assertFalse(p.config().realTimeMonitoring());
        assertEquals(Duration.ofMillis(20), p.config().checkInterval());
        assertEquals(List.of(PermissionGrant.of(PermissionKind.FILE, "/srv/data/**", "read"),
                PermissionGrant.of(PermissionKind.NETWORK, "api.acme.com:443", "connect")), p.granted().grants());
    }

    @Test
    public void typedValuesAndGrantArrays() {
        PolicyEntry e = PolicyEntry.parse("pid1", props("match", "x", "maxThreads", 3, "allocatedBytes", 10L,
                "realTimeMonitoring", Boolean.TRUE, "grants", new String[] {"exit", "property;target=\"user.*\";actions=read"}));
        assertTrue(e.problem(), e.valid());
        assertEquals(2, e.policy().granted().grants().size());
        assertEquals(IsolationLevel.STANDARD, e.policy().config().level());
    }

    @Test
    public void unknownLevelIsRejectedNamingPidAndField() {
        PolicyEntry e = PolicyEntry.parse("sandbox.policy~bad", props("match", "com.acme.db", "level", "relaxed"));
        assertFalse(e.valid());
        assertTrue(e.problem(), e.problem().contains("sandbox.policy~bad"));
        assertTrue(e.problem(), e.problem().contains("'level'"));
        assertTrue(e.problem(), e.problem().contains("relaxed"));
        assertSame(PluginPolicy.RESTRICTIVE, e.effective());
        assertTrue("a rejected entry still claims its plugins", e.matches("com.acme.db"));
    }

    @Test
    public void negativeLimitIsRejectedNamingTheField() {
        PolicyEntry e = PolicyEntry.parse("p", props("match", "a", "maxThreads", "-1"));
        assertFalse(e.valid());
        assertTrue(e.problem(), e.problem().contains("'maxThreads'"));
        PolicyEntry zero = PolicyEntry.parse("p", props("match", "a", "executionTimeMs", "0"));
        assertFalse(zero.valid());
        assertTrue(zero.problem(), zero.problem().contains("executionTime"));
        PolicyEntry text = PolicyEntry.parse("p", props("match", "a", "cpuTimeMs", "lots"));
        assertTrue(text.problem(), text.problem().contains("'cpuTimeMs'") && text.problem().contains("lots"));
    }

    @Test
    public void malformedGrantIsRejectedNamingTheEntry() {
        PolicyEntry e = PolicyEntry.parse("p", props("match", "a",
                "grants", new String[] {"exit", "network;target=\"nohostport\";actions=connect"}));
        assertFalse(e.valid());
        assertTrue(e.problem(), e.problem().contains("'grants' entry 2"));
        assertTrue(e.problem(), e.problem().contains("nohostport"));
        PolicyEntry kind = PolicyEntry.parse("p", props("match", "a", "grants", "telepathy"));
        assertTrue(kind.problem(), kind.problem().contains("telepathy"));
    }

    @Test
    public void unknownFieldIsRejectedSoATypoNeverWidensAnything() {
        PolicyEntry e = PolicyEntry.parse("p", props("match", "a", "levle", "STRICT"));
        assertFalse(e.valid());
        assertTrue(e.problem(), e.problem().contains("'levle'"));
    }

    @Test
    public void missingOrBadMatchMatchesNothing() {
        PolicyEntry e = PolicyEntry.parse("p", props("level", "STRICT"));
        assertFalse(e.valid());
        assertTrue(e.problem(), e.problem().contains("'match'"));
        assertNull(e.pattern());
        assertFalse(e.matches("anything"));
    }

    @Test
    public void checkIntervalOutOfRangeIsRejected() {
        PolicyEntry e = PolicyEntry.parse("p", props("match", "a", "checkIntervalMs", "0"));
        assertTrue(e.problem(), e.problem().contains("'checkIntervalMs'"));
        PolicyEntry b = PolicyEntry.parse("p", props("match", "a", "realTimeMonitoring", "yes"));
        assertTrue(b.problem(), b.problem().contains("'realTimeMonitoring'"));
    }
}
