package sandbox.agent;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.junit.Test;

/** The rewriting alone, on the running JDK's own class files: what the agent's fail-closed check relies on. */
public class EntryHooksTest {
    private static byte[] jdkClass(String internalName) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        return java.nio.file.Files.readAllBytes(java.nio.file.FileSystems.getFileSystem(java.net.URI.create("jrt:/"))
                .getPath("modules", "java.base", internalName + ".class"));
    }

    @Test
    public void everyRowExistsOnThisJdk() throws Exception {
        EntryHooks hooks = new EntryHooks(SinkTable.ROWS);
        for (String owner : SinkTable.ROWS.stream().map(SinkRow::owner).distinct().toList()) {
            assertNotNull(owner, hooks.rewrite(owner, jdkClass(owner)));
        }
        for (SinkRow r : SinkTable.ROWS) {
            assertTrue("missing on " + Runtime.version() + ": " + r.member(), hooks.applied.contains(r));
        }
    }

    @Test
    public void aRowThatDoesNotMatchIsNotApplied() throws Exception {
        SinkRow ghost = new SinkRow(0, "java/io/FileInputStream", "open", "(Ljava/lang/Object;)V", 1, -1);
        EntryHooks hooks = new EntryHooks(List.of(ghost));
        hooks.rewrite(ghost.owner(), jdkClass(ghost.owner()));
        assertTrue(hooks.applied.isEmpty());
        assertNull(hooks.rewrite("java/lang/String", jdkClass("java/lang/String")));
    }
}
