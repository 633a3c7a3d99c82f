package sandbox.core.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.agent.gate.Sinks;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;
import sandbox.api.Violation;
import sandbox.api.ViolationService;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.plugins.TrustedBundles;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.LoaderIdentity;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.policy.ViolationReporter;

/**
 * Attribution and decision of the sink checker on real stacks: a class of a loader mapped to a plugin reaches the
 * (stand-in) gate through a JDK frame; the real policy decides; denials are the guard's exception and violation.
 */
public class PluginSinkCheckTest {
    private static long ids = 70_000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<Violation> violations = new ArrayList<>();
    private final java.util.Map<Thread, String> owners = new java.util.concurrent.ConcurrentHashMap<>();

    @Before
    public void connect() {
        FakeGate.checker = new PluginSinkCheck(new Attribution(new TrustedBundles(null), t -> java.util.Optional.ofNullable(owners.get(t))), HostReads.ofThisJvm(), FakeGate.class);
        ViolationReporter.connect(new ViolationService() {
            @Override
            public synchronized void report(Violation v) {
                violations.add(v);
            }

            @Override
            public synchronized List<Violation> recent(int limit) {
                return List.copyOf(violations);
            }
        });
    }

    @After
    public void disconnect() {
        FakeGate.checker = null;
        ViolationReporter.connect(null);
    }

    private PluginLoader plugin(IsolationLevel level, String header) {
        return plugin(level, header, ids++);
    }

    private PluginLoader plugin(IsolationLevel level, String header, long id) {
        PolicyHandle h = new PolicyHandle("sink.plugin" + id, "1.0.0", id, null, IsolationConfig.DEFAULTS.withLevel(level),
                PluginPermissions.parse(header), tmp.getRoot().toPath().resolve("data" + id));
        HandleRegistry.register(h);
        PluginLoader loader = new PluginLoader();
        LoaderIdentity.register(loader, id);
        return loader;
    }

    @Test
    public void aPluginFrameBelowJdkFramesIsDeniedWithTheGuardsExceptionAndViolation() throws Throwable {
        PluginLoader p = plugin(IsolationLevel.STANDARD, "");
        String secret = tmp.newFile("secret.txt").getAbsolutePath();
        try {
            p.reach(Sinks.FILE_INPUT, secret, null);
            fail("a plugin reading a file it is not granted");
        } catch (SandboxDeniedException e) {
            assertEquals(PermissionKind.FILE, e.permission());
            assertTrue(e.getMessage(), e.getMessage().contains("sink java.io.FileInputStream.open"));
        }
        Violation v = violations.get(violations.size() - 1);
        assertEquals("sink java.io.FileInputStream.open", v.operation());
        assertTrue(v.enforced());
        assertTrue(v.pluginFrames().toString(), v.pluginFrames().stream().anyMatch(f -> f.contains("SinkSample.reach")));
    }

    @Test
    public void whatIsGrantedPasses() throws Throwable {
        Path dir = tmp.newFolder("granted").toPath().toRealPath();
        PluginLoader p = plugin(IsolationLevel.STANDARD, "file;target=\"" + dir + "/**\";actions=\"read,write\"");
        p.reach(Sinks.FILE_OUTPUT, dir.resolve("out.txt").toString(), null);
        p.reach(Sinks.NIO_DIRECTORY, dir, null);
        assertTrue(violations.toString(), violations.isEmpty());
    }

    @Test
    public void minimalRecordsAndAllows() throws Throwable {
        PluginLoader p = plugin(IsolationLevel.MINIMAL, "");
        p.reach(Sinks.NET_CONNECT, InetAddress.getLoopbackAddress(), 9);
        assertFalse(violations.isEmpty());
        assertFalse(violations.get(0).enforced());
    }

    @Test
    public void jdkFilesAndTheHostAreNotAsked() throws Throwable {
        PluginLoader p = plugin(IsolationLevel.STRICT, "");
        p.reach(Sinks.FILE_INPUT, Path.of(System.getProperty("java.home"), "release").toString(), null);
        p.reach(Sinks.LOAD_LIBRARY, "net", java.net.Socket.class);   // asked by a JDK class: the JDK's own library
        FakeGate.check(Sinks.FILE_OUTPUT, "/etc/passwd", null);   // the test class itself: application loader, host
        assertTrue(violations.toString(), violations.isEmpty());
        try {
            p.reach(Sinks.FILE_INPUT, System.getProperty("java.home") + "/../../../../etc/passwd", null);
            fail("a path that climbs out of java.home is not a JDK file");
        } catch (SandboxDeniedException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("/etc/passwd"));
        }
        try {
            p.reach(Sinks.LOAD_LIBRARY, "evil", p.loadClass(SinkSample.class.getName()));
            fail("a library the plugin asks for is the plugin's");
        } catch (SandboxDeniedException expected) {
            assertEquals(PermissionKind.NATIVE, expected.permission());
        }
    }

    @Test
    public void aLoaderNobodyVouchesForIsDenied() throws Throwable {
        PluginLoader unknown = new PluginLoader();   // not registered: no bundle, not the application loader
        try {
            unknown.reach(Sinks.PROCESS_START, new ProcessBuilder("true"), null);
            fail("unknown loaders are denied (H11)");
        } catch (SecurityException e) {
            assertFalse(e instanceof SandboxDeniedException);
            assertTrue(e.getMessage(), e.getMessage().contains("belongs to no bundle"));
        }
    }

    @Test
    public void requestsMirrorTheGuardsActions() {
        assertEquals(List.of(new SinkRequest(PermissionKind.FILE, "delete", "/a"), new SinkRequest(PermissionKind.FILE, "write", "/b")),
                SinkRequests.of(Sinks.NIO_MOVE, Path.of("/a"), Path.of("/b")));
        assertEquals(List.of(new SinkRequest(PermissionKind.FILE, "read", "/a")), SinkRequests.of(Sinks.RANDOM_ACCESS, "/a", 1));
        assertEquals(List.of(new SinkRequest(PermissionKind.FILE, "write", "/a")), SinkRequests.of(Sinks.RANDOM_ACCESS, "/a", 2));
        assertEquals(List.of(), SinkRequests.of(Sinks.NET_BIND, InetAddress.getLoopbackAddress(), 0));
        assertEquals(List.of(new SinkRequest(PermissionKind.NETWORK, "listen", "127.0.0.1:8080")),
                SinkRequests.of(Sinks.NET_BIND, InetAddress.getLoopbackAddress(), 8080));
        assertEquals(List.of(new SinkRequest(PermissionKind.PROCESS, "exec", "sh -c id")),
                SinkRequests.of(Sinks.PROCESS_START, new ProcessBuilder("sh", "-c", "id"), null));
    }

    @Test
    public void aStackOfJdkFramesOnlyIsChargedToTheThreadsOwner() throws Exception {
        long id = ids++;
        plugin(IsolationLevel.STANDARD, "", id);
        Throwable[] thrown = new Throwable[2];
        Thread owned = new Thread(FakeGate::connectLoopback);   // below the gate: Thread.run only (the lambda is hidden)
        owners.put(owned, "sink.plugin" + id);
        owned.setUncaughtExceptionHandler((t, e) -> thrown[0] = e);
        owned.start();
        owned.join();
        assertTrue(String.valueOf(thrown[0]), thrown[0] instanceof SandboxDeniedException);
        assertEquals("sink.plugin" + id, violations.get(violations.size() - 1).pluginId());
        Thread nobodys = new Thread(FakeGate::connectLoopback);
        nobodys.setUncaughtExceptionHandler((t, e) -> thrown[1] = e);
        nobodys.start();
        nobodys.join();
        assertEquals(null, thrown[1]);
    }
}
