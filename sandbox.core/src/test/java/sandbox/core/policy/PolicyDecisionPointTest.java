package sandbox.core.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;

/** The decision itself, on real paths: globs, canonicalisation, hosts, names, levels, policy changes. */
public class PolicyDecisionPointTest {
    private static long ids = 50_000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path data;
    private Path root;

    @Before
    public void setUp() throws Exception {
        root = tmp.getRoot().toPath().toRealPath();
        data = Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("shared/a/b"));
    }

    private PolicyHandle handle(IsolationLevel level, String header) {
        PolicyHandle h = new PolicyHandle("p" + ids, "1.0.0", ids++, null, IsolationConfig.DEFAULTS.withLevel(level),
                PluginPermissions.parse(header), data);
        HandleRegistry.register(h);
        return h;
    }

    private static boolean file(PolicyHandle h, String action, Path path) {
        return PolicyDecisionPoint.permits(h, PermissionKind.FILE, action, path.toString());
    }

    @Test
    public void globsCrossFoldersOnlyWithDoubleStar() {
        PolicyHandle one = handle(IsolationLevel.STANDARD, "file;target=\"" + root + "/shared/*\";actions=read");
        assertTrue(file(one, "read", root.resolve("shared/x.txt")));
        assertFalse(file(one, "read", root.resolve("shared/a/b/x.txt")));
        assertFalse(file(one, "write", root.resolve("shared/x.txt")));
        PolicyHandle two = handle(IsolationLevel.STANDARD, "file;target=\"" + root + "/shared/**\";actions=read");
        assertTrue(file(two, "read", root.resolve("shared/a/b/x.txt")));
        assertTrue("dir/** covers dir", file(two, "read", root.resolve("shared")));
        assertFalse(file(two, "read", root.resolve("sharedX/y")));
    }

    @Test
    public void relativeGrantsAreInTheDataFolderWhichIsAlwaysGranted() {
        PolicyHandle h = handle(IsolationLevel.STRICT, "file;target=\"cache/**\";actions=read");
        assertTrue(file(h, "delete", data.resolve("anything")));
        assertTrue(file(h, "read", data.resolve("cache/x")));
        assertFalse(file(h, "read", root.resolve("cache/x")));
    }

    @Test
    public void linksAndDotDotAreResolvedTheWayTheKernelDoes() throws Exception {
        PolicyHandle h = handle(IsolationLevel.STANDARD, "");
        Files.createSymbolicLink(data.resolve("deep"), root.resolve("shared/a/b"));
        // physically data/deep/.. is shared/a, not data: a lexical normalize would say "inside the data folder"
        assertEquals(root.resolve("shared/a"), PathCanonicalizer.canonical(data.resolve("deep/..")));
        assertFalse(file(h, "read", data.resolve("deep/../x")));
        assertFalse(file(h, "read", data.resolve("../shared/x")));
        assertTrue(file(h, "read", data.resolve("sub/../x")));
    }

    @Test
    public void pseudoFileSystemsNeedAGrantInsideThem() {
        PolicyHandle everything = handle(IsolationLevel.STANDARD, "file;target=\"/**\";actions=read");
        assertTrue(file(everything, "read", root.resolve("shared/x")));
        assertFalse(file(everything, "read", Path.of("/proc/self/environ")));
        assertFalse(file(everything, "read", Path.of("/proc/self/root/proc/1/cmdline")));
        PolicyHandle random = handle(IsolationLevel.STANDARD, "file;target=/dev/urandom;actions=read");
        assertTrue(file(random, "read", Path.of("/dev/urandom")));
    }

    @Test
    public void hostsByNameOrAddressAndPortsAtStrict() {
        PolicyHandle h = handle(IsolationLevel.STANDARD,
                "network;target=\"*.example.com:443\";actions=connect,network;target=\"10.1.2.3:*\";actions=connect");
        assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "connect", "api.example.com:443"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "connect", "example.com.evil.invalid:443"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "connect", "api.example.com:80"));
        assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "connect", "10.1.2.3:5432"));
        assertTrue("another literal of the same address", PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "connect", "167838211:5432"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.NETWORK, "listen", "10.1.2.3:5432"));
        PolicyHandle strict = handle(IsolationLevel.STRICT, "network;target=\"10.1.2.3:*\";actions=connect");
        assertFalse(PolicyDecisionPoint.permits(strict, PermissionKind.NETWORK, "connect", "10.1.2.3:5432"));
    }

    @Test
    public void namesPrefixesAndHarmlessProperties() {
        PolicyHandle h = handle(IsolationLevel.STANDARD, "property;target=\"app.*\";actions=read,process;target=/bin/ls");
        assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.PROPERTY, "read", "app.name"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.PROPERTY, "write", "app.name"));
        assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.PROPERTY, "read", "java.version"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.PROPERTY, "read", "user.home"));
        assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.PROCESS, "exec", "/bin/ls"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.PROCESS, "exec", "/bin/sh"));
        assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.EXIT, "exit", "*"));
    }

    @Test
    public void aPolicyChangeReplacesCachedDecisions() {
        PolicyHandle h = handle(IsolationLevel.STANDARD, "");
        Path shared = root.resolve("shared/x");
        assertFalse(file(h, "read", shared));
        long before = h.generation();
        h.update(IsolationConfig.DEFAULTS, PluginPermissions.parse("file;target=\"" + root + "/shared/**\";actions=read"), data);
        assertTrue(h.generation() > before);
        assertTrue(file(h, "read", shared));
    }

    @Test
    public void unknownPluginsAreDenied() {
        assertFalse(PolicyDecisionPoint.permits("no.such.plugin", PermissionKind.FILE, "read", data.toString()));
        PolicyHandle h = handle(IsolationLevel.STANDARD, "");
        assertTrue(PolicyDecisionPoint.permits(h.pluginId(), PermissionKind.FILE, "read", data.resolve("x").toString()));
    }

    @Test
    public void withoutRunawayContainmentNoThreadIsAdmitted() {
        // the quota itself is runaway containment's decision (ThreadQuota, tested in ContainmentTest); the policy
        // asks it, and without it every plugin is taken to be at its quota: no thread is started unchecked
        PolicyHandle standard = handle(IsolationLevel.STANDARD, "thread;target=\"*\"");
        assertFalse(PolicyDecisionPoint.permits(standard, PermissionKind.THREAD, "create", "*"));
    }

    @Test
    public void cachedDecisionsAreKeptApartByKindAndAction() {
        PolicyHandle h = handle(IsolationLevel.STANDARD, "file;target=\"" + root + "/shared/**\";actions=read");
        String target = root.resolve("shared/a/f").toString();
        for (int i = 0; i < 3; i++) {   // the first round decides, the next ones answer from the cache
            assertTrue(PolicyDecisionPoint.permits(h, PermissionKind.FILE, "read", target));
            assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.FILE, "write", target));
            assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.FILE, "delete", target));
            assertFalse(PolicyDecisionPoint.permits(h, PermissionKind.PROPERTY, "read", target));
        }
    }

    @Test
    public void theQuietFastPathOnlyAnswersAllowedCallsWithNothingToRecord() {
        PolicyHandle standard = handle(IsolationLevel.STANDARD, "");
        String inData = data.resolve("f").toString();
        String outside = root.resolve("shared/f").toString();
        assertTrue(PolicyDecisionPoint.allowedQuietly(standard, PermissionKind.FILE, "read", inData));
        assertFalse(PolicyDecisionPoint.allowedQuietly(standard, PermissionKind.FILE, "read", outside));
        // MINIMAL records every sensitive call, allowed or not: always the full way
        PolicyHandle minimal = handle(IsolationLevel.MINIMAL, "");
        assertTrue(PolicyDecisionPoint.permits(minimal, PermissionKind.FILE, "read", inData));
        assertFalse(PolicyDecisionPoint.allowedQuietly(minimal, PermissionKind.FILE, "read", inData));
        // the thread quota is never answered here
        PolicyHandle threads = handle(IsolationLevel.STANDARD, "thread;target=\"*\"");
        assertFalse(PolicyDecisionPoint.allowedQuietly(threads, PermissionKind.THREAD, "create", "*"));
    }
}
