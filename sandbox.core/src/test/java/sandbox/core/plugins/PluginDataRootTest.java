package sandbox.core.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.File;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PluginDataRootTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void thePropertyWinsOverTheBundleDataArea() throws Exception {
        File area = tmp.newFolder("area", "plugins");
        Path configured = tmp.getRoot().toPath().resolve("data");
        PluginDataRoot rule = PluginDataRoot.of(" " + configured + " ", area);
        assertEquals(configured.resolve("example.hello"), rule.folderOf("example.hello"));
    }

    @Test
    public void withoutThePropertyTheDataAreaHoldsTheFolders() throws Exception {
        File area = tmp.newFolder("area", "plugins");
        assertEquals(area.toPath().resolve("example.hello"), PluginDataRoot.of("  ", area).folderOf("example.hello"));
        assertEquals(area.toPath().resolve("example.hello"), PluginDataRoot.of(null, area).folderOf("example.hello"));
    }

    @Test
    public void aRelativePropertyIsTakenFromTheWorkingDirectoryAndNormalized() {
        Path expected = Path.of("").toAbsolutePath().resolve("state/data/p");
        assertEquals(expected, PluginDataRoot.of("state/./x/../data", null).folderOf("p"));
    }

    @Test
    public void noPropertyAndNoStorageMeansNoFolder() {
        assertNull(PluginDataRoot.of(null, null).folderOf("p"));
        assertNull(PluginDataRoot.of(null, null).root());
    }
}
