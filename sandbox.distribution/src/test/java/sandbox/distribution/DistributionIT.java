package sandbox.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.distribution.extension.MarkingActivator;

/** The assembled distribution, started the way a service manager or CI would: no terminal, SIGTERM to stop. */
public class DistributionIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("sandbox.distribution.dir",
            "target/sandbox"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void headlessContainerDeploysUndeploysReportsBadJarsAndStopsCleanlyOnSigterm() throws Exception {
        Path state = tmp.getRoot().toPath().resolve("state");
        try (RunningContainer container = RunningContainer.start(DISTRIBUTION, "--state", state.toString())) {
            String ready = container.awaitReady();
            assertTrue(ready, ready.contains("state " + state + ","));
            assertTrue(ready, ready.contains("3 plugins (3 active)"));
            // bin/sandbox loads the JDK sink agent and sandbox.core connects to it (docs/sinks.md)
            assertTrue(container.output(), container.output().contains("JDK sink checks active"));
            Path deploy = state.resolve("deploy");
            assertTrue(Files.exists(deploy.resolve("example.hello.jar")));

            Path plugin = drop(bundle("it.dropped"), deploy.resolve("it.dropped.jar"));
            container.awaitLine("starting it.dropped", l -> l.equals("Started bundle: " + plugin.toUri().toString()
                    .replace("file:///", "file:/")));
            drop(randomBytes(), deploy.resolve("garbage.jar"));
            container.awaitLine("reporting garbage.jar", l -> l.contains("garbage.jar is not a plugin bundle"));
            Files.delete(plugin);
            container.awaitLine("uninstalling it.dropped", l -> l.startsWith("Uninstalling bundle ")
                    && l.endsWith("(it.dropped)"));

            int exit = container.terminate();
            assertEquals(container.output(), 0, exit);
            assertTrue(container.output(), container.output().contains("Sandbox stopping (SIGTERM)"));
        }
    }

    @Test
    public void policyFilesInEtcApplyToRunningPluginsAndBadOnesAreReportedWithTheirFile() throws Exception {
        Path state = tmp.getRoot().toPath().resolve("state");
        try (RunningContainer container = RunningContainer.start(DISTRIBUTION, "--state", state.toString())) {
            Path etc = state.resolve("etc");
            String ready = container.awaitReady();
            assertTrue(ready, ready.contains("etc " + etc + ","));
            assertTrue("example seeded, not in force", Files.exists(etc.resolve("sandbox.policy-hello.cfg.example")));

            String hello = "# operator's comment\nmatch = example.hello\nlevel = STRICT\nexecutionTimeMs = 1500\n";
            Path helloFile = drop(hello.getBytes(StandardCharsets.UTF_8), etc.resolve("sandbox.policy-hello.cfg"));
            container.awaitLine("the core applying sandbox.policy~hello to example.hello",
                    l -> l.contains("sandbox policy changed for 1 plugin(s): [example.hello -> policy sandbox.policy~hello]"));

            Path bad = drop("match = example.sleepy\nlevel = relaxed\n".getBytes(StandardCharsets.UTF_8),
                    etc.resolve("sandbox.policy-bad.cfg"));
            container.awaitLine("the file of sandbox.policy~bad",
                    l -> l.equals("Creating configuration {sandbox.policy~bad} from " + bad));
            String rejected = container.awaitLine("sandbox.policy~bad rejected",
                    l -> l.contains("sandbox policy sandbox.policy~bad rejected"));
            assertTrue(rejected, rejected.startsWith("SEVERE ") && rejected.contains("field 'level'")
                    && rejected.contains("'relaxed'"));
            container.awaitLine("example.sleepy falling back",
                    l -> l.contains("policy changed for 1 plugin(s): [example.sleepy -> sandbox policy sandbox.policy~bad rejected"));
            // Configuration Admin events reach every listener in order, so FileInstall has seen hello's by now:
            // with enableConfigSave it would have rewritten the file.
            assertEquals("policy file kept exactly as written", hello, Files.readString(helloFile));

            drop("match = example.sleepy\n".getBytes(StandardCharsets.UTF_8), etc.resolve("sandbox.policy~typo.cfg"));
            container.awaitLine("the misnamed policy file", l -> l.equals("Sandbox: " + etc.resolve("sandbox.policy~typo.cfg")
                    + " is not read as a policy: policy files are named sandbox.policy-<name>.cfg or"
                    + " sandbox.policy-<name>.config (configuration sandbox.policy~<name>)"));

            int exit = container.terminate();
            assertEquals(container.output(), 0, exit);
            assertEquals("the bad entry changed nothing for example.hello", 1,
                    container.output().lines().filter(l -> l.contains("example.hello -> ")).count());
        }
    }

    @Test
    public void policyFilesInEtcAtStartAreInForceBeforeThePluginsStart() throws Exception {
        Path state = tmp.getRoot().toPath().resolve("state");
        Files.createDirectories(state.resolve("etc"));
        Files.writeString(state.resolve("etc/sandbox.policy-hello.cfg"), "match = example.hello\nlevel = STRICT\n");
        try (RunningContainer container = RunningContainer.start(DISTRIBUTION, "--state", state.toString())) {
            String ready = container.awaitReady();
            assertTrue(ready, ready.contains("3 plugins (3 active)"));
            List<String> lines = container.output().lines().collect(Collectors.toList());
            int policy = indexOf(lines, "policy changed for 1 plugin(s): [example.hello -> policy sandbox.policy~hello]");
            // the launcher starts the plugins (raises the start level) only once the policy is in force, then prints this
            assertTrue(container.output(), policy >= 0 && policy < lines.indexOf(ready));
            assertEquals(container.output(), 0, container.terminate());
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    public void containersRunSideBySideButNeverOnTheSameStateFolder() throws Exception {
        Path first = tmp.getRoot().toPath().resolve("first");
        try (RunningContainer a = RunningContainer.start(DISTRIBUTION, "--state", first.toString());
                RunningContainer b = RunningContainer.start(DISTRIBUTION, "--state", tmp.getRoot() + "/second")) {
            a.awaitReady();
            b.awaitReady();
            try (RunningContainer same = RunningContainer.start(DISTRIBUTION, "--state", first.toString())) {
                int exit = same.exitCode();
                assertEquals(same.output(), 1, exit);
                assertTrue(same.output(), same.output().contains("is in use by another Sandbox container"));
            }
            int exitA = a.terminate();
            int exitB = b.terminate();
            assertEquals(a.output(), 0, exitA);
            assertEquals(b.output(), 0, exitB);
        }
    }

    /**
     * Escape catalogue E6: Felix would put an extension bundle's jar on the framework class path and start its
     * activator inside installBundle, before the sandbox hears of it; the launcher disables extension bundles, so
     * FileInstall's install fails and the activator never runs.
     */
    @Test
    public void aDroppedFrameworkExtensionBundleIsNeverInstalledNorRun() throws Exception {
        Path state = tmp.getRoot().toPath().resolve("state");
        Path marker = tmp.getRoot().toPath().resolve("extension-activator-ran");
        try (RunningContainer container = RunningContainer.start(DISTRIBUTION, "--state", state.toString())) {
            container.awaitReady();
            drop(extensionBundle("it.extension", marker), state.resolve("deploy").resolve("it.extension.jar"));
            container.awaitLine("FileInstall failing to install it.extension.jar", l -> l.contains("Failed to install artifact")
                    && l.contains("it.extension.jar") && l.contains("Could not create bundle object"));
            assertFalse("the extension's activator ran", Files.exists(marker));
            assertEquals(container.output(), 0, container.terminate());
        }
    }

    @Test
    public void unknownOptionExitsTwoWithUsageHint() throws Exception {
        try (RunningContainer container = RunningContainer.start(DISTRIBUTION, "--bogus")) {
            int exit = container.exitCode();
            assertEquals(container.output(), 2, exit);
            assertTrue(container.output(), container.output().contains("unknown option '--bogus'"));
        }
    }

    /** Written aside and moved in, so FileInstall never sees half a file. */
    private Path drop(byte[] content, Path target) throws Exception {
        Path aside = tmp.newFile().toPath();
        Files.write(aside, content);
        return Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A bundle with a manifest only: enough for FileInstall to install and start it. */
    private static byte[] bundle(String symbolicName) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    /** A framework extension bundle whose activator ({@link MarkingActivator}) would create {@code marker}. */
    private static byte[] extensionBundle(String symbolicName, Path marker) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Fragment-Host", "system.bundle; extension:=framework");
        main.putValue("ExtensionBundle-Activator", MarkingActivator.class.getName());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            String path = MarkingActivator.class.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(path));
            try (java.io.InputStream in = DistributionIT.class.getClassLoader().getResourceAsStream(path)) {
                in.transferTo(jar);
            }
            jar.closeEntry();
            jar.putNextEntry(new JarEntry(MarkingActivator.TARGET));
            jar.write(marker.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
