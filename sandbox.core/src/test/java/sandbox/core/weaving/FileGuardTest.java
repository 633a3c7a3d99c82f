package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;
import sandbox.api.Violation;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.ViolationReporter;

/** Woven file calls against real files: own data folder allowed, the rest denied and reported (A5–A9, H1, H3, H4, B4). */
public class FileGuardTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path data;
    private Path outside;
    private RecordingViolations violations;

    @Before
    public void setUp() throws Exception {
        data = tmp.newFolder("data").toPath();
        outside = tmp.newFolder("outside").toPath();
        Files.writeString(data.resolve("mine.txt"), "mine");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        violations = RecordingViolations.connect();
    }

    @After
    public void tearDown() {
        ViolationReporter.connect(null);
    }

    private Woven standard() {
        return new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, data);
    }

    private void assertDenied(Woven w, String cls, String method, Object... args) throws Throwable {
        try {
            w.call(cls, method, args);
            fail(cls + "." + method + " should have been denied");
        } catch (SandboxDeniedException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(w.handle.pluginId() + " 1.0.0"));
            Violation v = violations.last();
            assertEquals(PermissionKind.FILE, v.permission());
            assertTrue(v.enforced());
            assertTrue("plugin frames: " + v.pluginFrames(), v.pluginFrames().stream().anyMatch(f -> f.startsWith("hostile.samples.")));
        }
    }

    @Test
    public void ownDataFolderIsReadableAndWritable() throws Throwable {
        Woven w = standard();
        assertEquals("mine", w.call("FileOps", "readString", data.resolve("mine.txt").toString()));
        assertEquals("mine", w.call("FileOps", "readStream", data.resolve("mine.txt").toString()));
        w.call("FileOps", "writeString", data.resolve("new.txt").toString(), "x");
        assertEquals("x", Files.readString(data.resolve("new.txt")));
        assertTrue(violations.seen.isEmpty());
    }

    @Test
    public void filesOutsideAreDeniedByEveryRoute() throws Throwable {
        Woven w = standard();
        String secret = outside.resolve("secret.txt").toString();
        assertDenied(w, "FileOps", "readString", secret);
        assertDenied(w, "FileOps", "readStream", secret);
        assertDenied(w, "FileOps", "newInputStream", secret);
        assertDenied(w, "FileOps", "fileWriter", secret, "x");
        assertDenied(w, "FileOps", "delete", secret);
        assertDenied(w, "FileOps", "deleteViaSubclass", secret);     // H1
        assertDenied(w, "FileOps", "superConstructor", secret);      // H3
        assertDenied(w, "FileOps", "superDelete", secret);           // H4
        assertDenied(w, "FileOps", "readViaMethodReference", secret); // B4
        assertTrue(Files.exists(outside.resolve("secret.txt")));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
    }

    @Test
    public void pathAliasesAreResolvedBeforeTheCheck() throws Throwable {
        Woven w = standard();
        Files.createSymbolicLink(data.resolve("link"), outside);
        assertDenied(w, "FileOps", "readString", data.resolve("link/secret.txt").toString());
        assertDenied(w, "FileOps", "readString", data + "/../outside/secret.txt");
        assertDenied(w, "FileOps", "readString", "/proc/self/root" + outside.resolve("secret.txt"));
        assertDenied(w, "FileOps", "readString", "/proc/self/environ");
        // a dangling link inside the data folder points outside: creating through it is a write outside
        Files.createSymbolicLink(data.resolve("dangling"), outside.resolve("created.txt"));
        assertDenied(w, "FileOps", "writeString", data.resolve("dangling").toString(), "x");
        assertFalse(Files.exists(outside.resolve("created.txt")));
    }

    @Test
    public void aLyingFileIsCheckedAndUsedAsTheSameCopy() throws Throwable {
        Woven w = standard();
        // getPath() answers the allowed path first, the secret afterwards: the copy is checked and used
        assertEquals("mine", w.call("FileOps", "lyingFile", data.resolve("mine.txt").toString(),
                outside.resolve("secret.txt").toString()));
    }

    @Test
    public void optionsDecideTheAction() throws Throwable {
        Path readable = outside.resolve("secret.txt");
        Woven w = new Woven(IsolationLevel.STANDARD,
                PluginPermissions.parse("file;target=\"" + outside + "/**\";actions=read"), data);
        assertEquals("secret", w.call("FileOps", "newInputStream", readable.toString()));
        assertDenied(w, "FileOps", "appendViaOptions", readable.toString());
    }

    @Test
    public void grantedGlobAllowsAndPolicyChangeAppliesAtOnce() throws Throwable {
        Woven w = standard();
        String secret = outside.resolve("secret.txt").toString();
        assertDenied(w, "FileOps", "readString", secret);
        w.handle.update(sandbox.api.IsolationConfig.DEFAULTS,
                PluginPermissions.parse("file;target=\"" + outside + "/*.txt\";actions=read"), data);
        assertEquals("secret", w.call("FileOps", "readString", secret));
        assertDenied(w, "FileOps", "delete", secret);
    }

    @Test
    public void minimalRecordsButDeniesNothing() throws Throwable {
        Woven w = new Woven(IsolationLevel.MINIMAL, PluginPermissions.NONE, data);
        assertEquals("secret", w.call("FileOps", "readString", outside.resolve("secret.txt").toString()));
        Violation v = violations.last();
        assertFalse(v.enforced());
        assertTrue(w.handle.audit().entries().keySet().stream().anyMatch(e -> e.contains("secret.txt")));
    }
}
