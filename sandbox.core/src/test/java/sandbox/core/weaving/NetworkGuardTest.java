package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginPermissions;
import sandbox.core.accounting.NetworkMeters;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.ViolationReporter;

/** Woven socket calls against a real listener on loopback (A10, A14, A15, H3). */
public class NetworkGuardTest {
    private ServerSocket server;
    private int port;

    @Before
    public void setUp() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        RecordingViolations.connect();
    }

    @After
    public void tearDown() throws Exception {
        server.close();
        ViolationReporter.connect(null);
    }

    private static void assertDenied(Woven w, String method, Object... args) throws Throwable {
        try {
            w.call("NetOps", method, args);
            fail("NetOps." + method + " should have been denied");
        } catch (SandboxDeniedException e) {
            assertEquals(PermissionKind.NETWORK, e.permission());
        }
    }

    @Test
    public void connectsOnlyToGrantedHostAndPort() throws Throwable {
        Woven none = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertDenied(none, "connect", "127.0.0.1", port);
        assertDenied(none, "connectChannel", "127.0.0.1", port);
        assertDenied(none, "connectViaSubclass", "127.0.0.1", port);   // H3
        assertDenied(none, "listen");
        Woven granted = new Woven(IsolationLevel.STRICT,
                PluginPermissions.parse("network;target=\"127.0.0.1:" + port + "\";actions=connect"), null);
        granted.call("NetOps", "connect", "127.0.0.1", port);
        granted.call("NetOps", "connectChannel", "127.0.0.1", port);
        granted.call("NetOps", "connectViaSubclass", "127.0.0.1", port);
        assertDenied(granted, "connect", "127.0.0.1", port == 65535 ? 1 : port + 1);
    }

    @Test
    public void socketStreamsAreMeteredForThePlugin() throws Throwable {
        HandleRegistry.connectNetworkMeters(new NetworkMeters());
        try {
            Woven w = new Woven(IsolationLevel.STANDARD,
                    PluginPermissions.parse("network;target=\"127.0.0.1:" + port + "\";actions=connect"), null);
            w.call("NetOps", "send", "127.0.0.1", port, 1000);
            assertEquals(1000, w.handle.io().snapshot().netBytesOut());
            assertEquals(1, w.handle.io().snapshot().connections());
        } finally {
            HandleRegistry.connectNetworkMeters(null);
        }
    }

    @Test
    public void alternativeLiteralsAreTheAddressTheyDenote() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD,
                PluginPermissions.parse("network;target=\"127.0.0.1:*\";actions=connect"), null);
        w.call("NetOps", "connect", "2130706433", port);   // A14: the same host, so allowed
        w.call("NetOps", "connect", "127.1", port);
        Woven other = new Woven(IsolationLevel.STANDARD,
                PluginPermissions.parse("network;target=\"10.1.2.3:*\";actions=connect"), null);
        assertDenied(other, "connect", "2130706433", port);
    }

    @Test
    public void strictIgnoresPortWildcards() throws Throwable {
        Woven w = new Woven(IsolationLevel.STRICT,
                PluginPermissions.parse("network;target=\"127.0.0.1:*\";actions=connect"), null);
        assertDenied(w, "connect", "127.0.0.1", port);
    }

    @Test
    public void namesNoGrantMentionsAreDeniedWithoutResolving() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertDenied(w, "resolve", "secret-data.exfil.invalid");   // A15: no DNS query leaves
        assertEquals("127.0.0.1", w.call("NetOps", "resolve", "127.0.0.1"));
    }
}
