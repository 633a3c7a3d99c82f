package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.IoCounters;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;

/** {@code new FileInputStream/FileOutputStream(...)} in woven code returns the ledger's metered subclasses, on real files. */
public class FileStreamMeteringTest {
    private Path dir;
    private Woven plugin;

    @Before
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("stream-metering").toRealPath();
        plugin = new Woven(IsolationLevel.STANDARD,
                PluginPermissions.parse("file;target=\"" + dir + "/**\";actions=\"read,write\""), null);
    }

    @After
    public void tearDown() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void streamsThePluginConstructsAreMeteredExactly() throws Throwable {
        String file = dir.resolve("out.bin").toString();
        assertEquals("sandbox.core.accounting.MeteredFileOutputStream", plugin.call("StreamOps", "write", file, 1000, false));
        assertEquals("sandbox.core.accounting.MeteredFileOutputStream", plugin.call("StreamOps", "write", file, 500, true));
        assertEquals(1500L, Files.size(Path.of(file)));
        assertEquals(1500L, plugin.call("StreamOps", "read", file, true));
        assertEquals(1500L, plugin.call("StreamOps", "read", file, false));
        assertEquals(1500L, plugin.call("StreamOps", "readViaChannel", file));
        IoCounters io = plugin.handle.io().snapshot();
        assertEquals(1500, io.fileBytesWritten());
        assertEquals(3 * 1500, io.fileBytesRead());
        assertEquals(5, io.fileOpens());
        assertEquals("every stream was closed", 0, io.openFiles());
    }

    @Test
    public void aFileThatCannotBeOpenedThrowsAsTheJdkDoesAndIsNotCounted() throws Throwable {
        try {
            plugin.call("StreamOps", "missing", dir.toString());
            fail("opened a file in a folder that does not exist");
        } catch (FileNotFoundException expected) {
            assertEquals(0, plugin.handle.io().snapshot().openFiles());
        }
    }
}
