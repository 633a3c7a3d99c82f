package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.accounting.NetworkMeters;
import sandbox.core.policy.HandleRegistry;

/** {@code SocketChannel.open(address)} in woven code returns a metered channel; a real listener on loopback. */
public class SocketChannelMeteringTest {

    @Test
    public void aBlockingChannelThePluginOpensIsCountedExactly() throws Throwable {
        HandleRegistry.connectNetworkMeters(new NetworkMeters());
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            Woven w = new Woven(IsolationLevel.STANDARD,
                    PluginPermissions.parse("network;target=\"127.0.0.1:" + port + "\";actions=connect"), null);
            assertEquals("sandbox.core.accounting.MeteredSocketChannel", w.call("ChannelOps", "send", "127.0.0.1", port, 1000));
            assertEquals(1000, w.handle.io().snapshot().netBytesOut());
            assertEquals(1, w.handle.io().snapshot().connections());
        } finally {
            HandleRegistry.connectNetworkMeters(null);
        }
    }
}
