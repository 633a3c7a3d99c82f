package sandbox.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class LaunchOptionsTest {

    private static final Path CWD = Path.of("/work/here").toAbsolutePath();

    private static LaunchOptions parse(Map<String, String> env, String... args) throws UsageException {
        return LaunchOptions.parse(List.of(args), env, CWD);
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(Map.of(), args)).getMessage();
    }

    @Test
    public void defaultsToSandboxStateInTheWorkingDirectoryWithItsDeployFolder() throws Exception {
        LaunchOptions options = parse(Map.of());
        assertEquals(CWD.resolve("sandbox-state"), options.state());
        assertNull(options.deploy());
        assertEquals(CWD.resolve("sandbox-state/deploy"), options.deployFolder());
        assertFalse(options.noShell());
        assertFalse(options.help());
    }

    @Test
    public void environmentVariableChoosesTheStateFolder() throws Exception {
        assertEquals(Path.of("/var/lib/sb").toAbsolutePath(), parse(Map.of("SANDBOX_STATE", "/var/lib/sb")).state());
        assertEquals(CWD.resolve("rel"), parse(Map.of("SANDBOX_STATE", "rel")).state());
    }

    @Test
    public void blankEnvironmentVariableMeansTheDefault() throws Exception {
        assertEquals(CWD.resolve("sandbox-state"), parse(Map.of("SANDBOX_STATE", " ")).state());
    }

    @Test
    public void stateFlagWinsOverTheEnvironmentInBothSpellings() throws Exception {
        Map<String, String> env = Map.of("SANDBOX_STATE", "/from/env");
        assertEquals(CWD.resolve("a"), parse(env, "--state", "a").state());
        assertEquals(CWD.resolve("b"), parse(env, "--state=b").state());
    }

    @Test
    public void pathsAreNormalised() throws Exception {
        assertEquals(CWD.resolve("x"), parse(Map.of(), "--state", "./y/../x").state());
    }

    @Test
    public void deployFlagReplacesTheDeployFolderOnly() throws Exception {
        LaunchOptions options = parse(Map.of(), "--state", "s", "--deploy", "/srv/plugins");
        assertEquals(CWD.resolve("s"), options.state());
        assertEquals(Path.of("/srv/plugins").toAbsolutePath(), options.deployFolder());
    }

    @Test
    public void flags() throws Exception {
        assertTrue(parse(Map.of(), "--no-shell").noShell());
        assertTrue(parse(Map.of(), "--help").help());
        assertTrue(parse(Map.of(), "-h").help());
    }

    @Test
    public void unknownOptionIsNamed() {
        assertEquals("unknown option '--stat'", usageError("--stat", "x"));
        assertEquals("unknown option '-x'", usageError("-x"));
    }

    @Test
    public void strayArgumentIsNamed() {
        assertTrue(usageError("plugins").startsWith("unexpected argument 'plugins'"));
    }

    @Test
    public void missingValueIsExplained() {
        assertTrue(usageError("--state").startsWith("--state needs a folder"));
        assertTrue(usageError("--deploy", "--no-shell").startsWith("--deploy needs a folder, got '--no-shell'"));
        assertTrue(usageError("--state=").startsWith("--state needs a folder"));
    }

    @Test
    public void flagsTakeNoValue() {
        assertEquals("--no-shell takes no value", usageError("--no-shell=yes"));
    }

    @Test
    public void invalidPathIsRefused() {
        assertTrue(usageError("--state", "a\0b").startsWith("--state: not a valid path"));
    }
}
