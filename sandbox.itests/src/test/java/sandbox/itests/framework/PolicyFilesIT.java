package sandbox.itests.framework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginState;

/**
 * The operator's files: docs/policy.md's two examples ({@code .cfg} and {@code .config}), dropped into a folder that
 * a FileInstall watcher for configuration files reads, become policy entries that apply to running plugins. The
 * plugin deploy folder accepts jars only (a folder plugins are dropped into is no place for policy, catalogue E9), so
 * the test adds the configuration watcher the way docs/policy.md tells operators to: a factory configuration of
 * {@code org.apache.felix.fileinstall}.
 */
public class PolicyFilesIT extends FrameworkDefenceSupport {

    @Test
    public void cfgAndConfigFilesBecomePolicy() throws Exception {
        awaitPlugin("example.hello", PluginState.READY);
        Path etc = scratchDir();
        Hashtable<String, Object> watcher = new Hashtable<>();
        watcher.put("felix.fileinstall.dir", etc.toString());
        watcher.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        watcher.put("felix.fileinstall.poll", "200");
        watcher.put("felix.fileinstall.noInitialDelay", "true");
        policyAdmin().create("org.apache.felix.fileinstall", watcher);

        drop(etc, "sandbox.policy-hello.cfg",
                "# etc/sandbox.policy-hello.cfg",
                "match = example.hello",
                "level = STRICT",
                "executionTimeMs = 1500",
                "grants = exit, property;target=\"user.home\";actions=read");
        awaitPolicy("example.hello", IsolationLevel.STRICT, 2);

        drop(etc, "sandbox.policy-examples.config",
                "# etc/sandbox.policy-examples.config",
                "match=\"example.*\"",
                "level=\"MINIMAL\"",
                "maxThreads=I\"4\"",
                "grants=[ \\",
                "  \"exit\", \\",
                "  \"file;target=\\\"/srv/shared/**\\\";actions=\\\"read\\\"\", \\",
                "  ]");
        awaitPolicy("example.sleepy", IsolationLevel.MINIMAL, 2);
        awaitPolicy("example.hello", IsolationLevel.STRICT, 2);
    }

    /**
     * Writes the file elsewhere and moves it into {@code etc} in one step, as an operator's tooling should: the
     * watcher must never read a half-written file.
     */
    private void drop(Path etc, String name, String... lines) throws IOException {
        Path file = scratchDir().resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(file, etc.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
