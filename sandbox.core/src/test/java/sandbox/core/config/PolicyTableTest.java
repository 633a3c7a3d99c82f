package sandbox.core.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import sandbox.api.IsolationLevel;

public class PolicyTableTest {

    private static PolicyEntry entry(String pid, String match, String level) {
        return PolicyEntry.parse(pid, Map.of("match", match, "level", level));
    }

    @Test
    public void mostSpecificMatchWins() {
        PolicyTable t = new PolicyTable(List.of(entry("all", "*", "STRICT"), entry("acme", "com.acme.*", "STANDARD"),
                entry("db", "com.acme.db", "MINIMAL")));
        assertEquals(IsolationLevel.MINIMAL, t.resolve("com.acme.db").policy().config().level());
        assertEquals("db", t.resolve("com.acme.db").pid());
        assertEquals(IsolationLevel.STANDARD, t.resolve("com.acme.web").policy().config().level());
        assertEquals(IsolationLevel.STRICT, t.resolve("org.other").policy().config().level());
    }

    @Test
    public void noMatchGivesUnconfiguredDefaults() {
        PolicyTable.Resolution r = new PolicyTable(List.of(entry("acme", "com.acme.*", "STRICT"))).resolve("org.x");
        assertSame(PluginPolicy.UNCONFIGURED, r.policy());
        assertNull(r.pid());
    }

    @Test
    public void rejectedWinnerFallsBackToRestrictiveNotToTheWiderGlob() {
        PolicyTable t = new PolicyTable(List.of(
                PolicyEntry.parse("acme", Map.of("match", "com.acme.*", "level", "MINIMAL", "grants", "process")),
                entry("db", "com.acme.db", "NOT-A-LEVEL")));
        PolicyTable.Resolution r = t.resolve("com.acme.db");
        assertSame(PluginPolicy.RESTRICTIVE, r.policy());
        assertTrue(r.reason(), r.reason().contains("db") && r.reason().contains("'level'"));
        assertEquals(IsolationLevel.MINIMAL, t.resolve("com.acme.web").policy().config().level());
    }

    @Test
    public void equallySpecificEntriesAreAConflictResolvedRestrictively() {
        PolicyTable t = new PolicyTable(List.of(entry("b", "com.acme.db", "MINIMAL"), entry("a", "com.acme.db", "STANDARD")));
        PolicyTable.Resolution r = t.resolve("com.acme.db");
        assertSame(PluginPolicy.RESTRICTIVE, r.policy());
        assertTrue(r.reason(), r.reason().contains("a (match=com.acme.db)") && r.reason().contains("b (match=com.acme.db)"));
    }
}
