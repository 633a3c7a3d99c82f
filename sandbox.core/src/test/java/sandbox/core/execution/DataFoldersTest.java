package sandbox.core.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataFoldersTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aPluginsFolderIsItsIdUnderTheRootCreatedOnDemand() throws IOException {
        Path root = tmp.getRoot().toPath().resolve("data");
        Path folder = new DataFolders(root).folderOf("example.hello");
        assertEquals(root.resolve("example.hello"), folder);
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    public void anIdThatIsNotASymbolicNameGetsNoFolder() {
        DataFolders folders = new DataFolders(tmp.getRoot().toPath());
        for (String bad : new String[] {"..", "a/../b", "/etc", "a\\b", "", ".hidden", "a..b"}) {
            try {
                folders.folderOf(bad);
                fail("accepted " + bad);
            } catch (IOException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("not a bundle symbolic name"));
            }
        }
    }

    @Test
    public void withoutARootThereIsAClearError() {
        try {
            new DataFolders(null).folderOf("example.hello");
            fail();
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("sandbox.data.dir"));
        }
    }
}
