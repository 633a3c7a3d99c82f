package sandbox.core.plugins;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import sandbox.api.PluginPermissions;

public class NotGrantedTest {

    private static String missing(String requested, String granted) {
        return PluginRegistry.notGranted(PluginPermissions.parse(requested), PluginPermissions.parse(granted)).toHeader();
    }

    @Test
    public void aRequestCoveredByABroaderGrantIsNotMissing() {
        String requested = "file;target=\"cache/a.txt\";actions=read";
        String granted = "file;target=\"cache/**\";actions=\"read,write\"";
        assertEquals("", missing(requested, granted));
        // the API's exact comparison would have reported it
        assertEquals(1, PluginPermissions.parse(requested).minus(PluginPermissions.parse(granted)).grants().size());
    }

    @Test
    public void onlyTheUncoveredRequestsAreReportedInHeaderOrder() {
        String requested = "file;target=\"cache/a.txt\";actions=\"read,delete\","
                + "network;target=\"a.example:443\";actions=connect,"
                + "file;target=\"cache/b.txt\";actions=write";
        String granted = "file;target=\"cache/**\";actions=\"read,write\"";
        String report = missing(requested, granted);
        assertEquals(PluginPermissions.parse("file;target=\"cache/a.txt\";actions=\"read,delete\","
                + "network;target=\"a.example:443\";actions=connect").toHeader(), report);
    }
}
