package sandbox.core.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import sandbox.api.PluginPermissions;

public class GrantCoverageTest {

    private static String missing(String requested, String granted) {
        return GrantCoverage.notGranted(PluginPermissions.parse(requested), PluginPermissions.parse(granted)).toHeader();
    }

    @Test
    public void exactAndWiderGrantsCover() {
        assertEquals("", missing("file;target=\"/srv/a.txt\";actions=read", "file;target=\"/srv/a.txt\";actions=\"read,write\""));
        assertEquals("", missing("file;target=\"/srv/x/y/*.txt\";actions=read", "file;target=\"/srv/**\";actions=read"));
        assertEquals("", missing("file;target=\"/srv/a.txt\";actions=read", "file;target=\"/srv/*.txt\";actions=read"));
        assertEquals("", missing("exit", "exit"));
    }

    @Test
    public void narrowerOrOtherGrantsDoNot() {
        assertTrue(missing("file;target=\"/srv/a.txt\";actions=write", "file;target=\"/srv/a.txt\";actions=read").contains("/srv/a.txt"));
        assertTrue(missing("file;target=\"/srv/**\";actions=read", "file;target=\"/srv/x/**\";actions=read").contains("/srv/**"));
        assertTrue(missing("file;target=\"/etc/a\";actions=read", "file;target=\"/srv/*\";actions=read").contains("/etc/a"));
        assertTrue(missing("network;target=\"h:443\";actions=connect", "file;target=\"*\"").contains("h:443"));
        assertTrue(missing("file;target=\"/srv/x/a\";actions=read", "file;target=\"/srv/*\";actions=read").contains("/srv/x/a"));
    }

    @Test
    public void nameGlobsUseDotAsSeparator() {
        assertTrue(TargetGlob.matches("org.osgi.service.cm.*", "org.osgi.service.cm.ConfigurationAdmin", '.'));
        assertTrue(!TargetGlob.matches("org.osgi.*", "org.osgi.service.cm", '.'));
        assertTrue(TargetGlob.matches("org.osgi.**", "org.osgi.service.cm", '.'));
        assertTrue(TargetGlob.matches("sun.misc", "sun.misc", '.'));
    }
}
