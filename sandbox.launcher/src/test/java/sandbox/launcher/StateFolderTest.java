package sandbox.launcher;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The state folder on a real file system: layout, first-start seeding, refusals. */
public class StateFolderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Distribution distribution;

    @Before
    public void distribution() throws Exception {
        Path home = tmp.newFolder("dist").toPath();
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("deploy"));
        Files.write(home.resolve("deploy/example.hello.jar"), new byte[] {1, 2, 3});
        Files.write(home.resolve("deploy/notes.txt"), new byte[] {4});
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/sandbox.policy-hello.cfg.example"), "match = example.hello\n");
        distribution = new Distribution(home.toRealPath());
    }

    private LaunchOptions options(String... args) throws UsageException {
        return LaunchOptions.parse(List.of(args), Map.of(), tmp.getRoot().toPath());
    }

    @Test
    public void newStateFolderGetsCacheDataAndDeployWithTheExamples() throws Exception {
        StateFolder state = StateFolder.prepare(options("--state", "s1"), distribution);
        Path root = tmp.getRoot().toPath().resolve("s1");
        assertEquals(root, state.root());
        assertTrue(Files.isDirectory(state.cache()));
        assertTrue(Files.isDirectory(state.data()));
        assertEquals(root.resolve("deploy"), state.deploy());
        assertTrue(state.seeded());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(state.deploy().resolve("example.hello.jar")));
        assertFalse("only jars are examples", Files.exists(state.deploy().resolve("notes.txt")));
    }

    @Test
    public void existingDeployFolderIsLeftAsTheUserLeftIt() throws Exception {
        Path deploy = tmp.getRoot().toPath().resolve("s2/deploy");
        Files.createDirectories(deploy);
        StateFolder state = StateFolder.prepare(options("--state", "s2"), distribution);
        assertFalse(state.seeded());
        assertFalse("a removed example stays removed", Files.exists(deploy.resolve("example.hello.jar")));
    }

    @Test
    public void explicitDeployFolderIsCreatedButNotSeeded() throws Exception {
        StateFolder state = StateFolder.prepare(options("--state", "s3", "--deploy", "mine"), distribution);
        assertEquals(tmp.getRoot().toPath().resolve("mine"), state.deploy());
        assertTrue(Files.isDirectory(state.deploy()));
        assertFalse(state.seeded());
    }

    @Test
    public void newEtcFolderGetsTheExamplePolicy() throws Exception {
        StateFolder state = StateFolder.prepare(options("--state", "s5"), distribution);
        Path example = tmp.getRoot().toPath().resolve("s5/etc/sandbox.policy-hello.cfg.example");
        assertEquals(example.getParent(), state.etc());
        assertEquals("match = example.hello\n", Files.readString(example));
    }

    @Test
    public void existingEtcFolderIsLeftAsTheOperatorLeftIt() throws Exception {
        Path etc = tmp.getRoot().toPath().resolve("s6/etc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("sandbox.policy-mine.cfg"), "match = example.sleepy\n");
        StateFolder state = StateFolder.prepare(options("--state", "s6"), distribution);
        assertFalse("a removed example stays removed", Files.exists(etc.resolve("sandbox.policy-hello.cfg.example")));
        assertEquals("match = example.sleepy\n", Files.readString(state.etc().resolve("sandbox.policy-mine.cfg")));
    }

    @Test
    public void stateFolderThatIsAFileIsRefusedByName() throws Exception {
        tmp.newFile("plain");
        String message = assertThrows(LaunchException.class,
                () -> StateFolder.prepare(options("--state", "plain"), distribution)).getMessage();
        assertTrue(message, message.contains("plain") && message.contains("a file of that name exists"));
    }

    @Test
    public void deployFolderInsideTheTrustedBundlesIsRefused() throws Exception {
        String message = assertThrows(LaunchException.class, () -> StateFolder.prepare(
                options("--state", "s4", "--deploy", distribution.bundles().resolve("x").toString()), distribution))
                .getMessage();
        assertTrue(message, message.contains("inside the trusted bundles folder"));
    }

    @Test
    public void trustedPrefixIsTheBundlesFolderWithASlash() {
        String prefix = distribution.trustedLocationPrefix();
        assertTrue(prefix, prefix.startsWith("reference:file:") && prefix.endsWith("/bundles/"));
        assertTrue(Distribution.location(distribution.bundles().resolve("a.jar")).startsWith(prefix));
    }
}
