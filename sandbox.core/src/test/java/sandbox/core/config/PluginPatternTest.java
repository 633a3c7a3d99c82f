package sandbox.core.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class PluginPatternTest {

    @Test
    public void exactNameMatchesOnlyItself() {
        PluginPattern p = PluginPattern.parse("com.acme.db");
        assertTrue(p.exact());
        assertTrue(p.matches("com.acme.db"));
        assertFalse(p.matches("com.acme.dbx"));
        assertFalse(p.matches("comXacme.db"));
    }

    @Test
    public void starCrossesDotsAndQuestionIsOneCharacter() {
        assertTrue(PluginPattern.parse("com.acme.*").matches("com.acme.db.pool"));
        assertFalse(PluginPattern.parse("com.acme.*").matches("com.acmes.db"));
        assertTrue(PluginPattern.parse("plugin.v?").matches("plugin.v2"));
        assertFalse(PluginPattern.parse("plugin.v?").matches("plugin.v10"));
        assertTrue(PluginPattern.parse("*").matches("anything.at.all"));
    }

    @Test
    public void dotIsLiteralNotRegex() {
        assertFalse(PluginPattern.parse("com.acme").matches("comXacme"));
        assertFalse(PluginPattern.parse("com.acme.*").matches("comXacme.db"));
    }

    @Test
    public void exactBeatsGlobAndLongerGlobBeatsShorter() {
        long exact = PluginPattern.parse("com.acme.db").specificity();
        long longGlob = PluginPattern.parse("com.acme.db*").specificity();
        long shortGlob = PluginPattern.parse("com.acme.*").specificity();
        long all = PluginPattern.parse("*").specificity();
        assertTrue(exact > longGlob);
        assertTrue(longGlob > shortGlob);
        assertTrue(shortGlob > all);
    }

    @Test
    public void badPatternsAreRejectedWithTheReason() {
        for (String bad : new String[] {"", "  ", "com.acme/x", "a b", "(x)"}) {
            try {
                PluginPattern.parse(bad);
                fail("accepted '" + bad + "'");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("missing") || e.getMessage().contains("not a symbolic name"));
            }
        }
        assertEquals("x.y", PluginPattern.parse(" x.y ").toString());
    }
}
