package sandbox.core.accounting;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import sandbox.api.IoCounters;

/** Socket wrappers over real loopback sockets: exact counts both ways, bandwidth paced without losing a byte. */
public class MeteredSocketIoTest {
    private static final int MB = 1024 * 1024;

    @Test
    public void tenMegabytesOverLoopbackAreCountedExactlyOnBothEnds() throws Exception {
        byte[] data = pattern(10 * MB);
        NetworkMeters meters = new NetworkMeters();
        IoAccount sender = new IoAccount();
        IoAccount receiver = new IoAccount();
        byte[] got = transfer(meters, sender, Throttle.unlimited(), receiver, data);

        assertArrayEquals(data, got);
        assertEquals(new IoCounters(0, 0, 0, 0, 0, 10 * MB, 1, 0), sender.snapshot());
        assertEquals(new IoCounters(0, 0, 0, 0, 10 * MB, 0, 1, 0), receiver.snapshot());
    }

    @Test
    public void oneMegabytePerSecondSendsFiveMegabytesInFiveSecondsLosingNothing() throws Exception {
        byte[] data = pattern(5 * MB);
        NetworkMeters meters = new NetworkMeters();
        IoAccount sender = new IoAccount();
        Throttle oneMbPerSecond = meters.throttle("sender", MB);
        long start = System.nanoTime();
        byte[] got = transfer(meters, sender, oneMbPerSecond, new IoAccount(), data);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertArrayEquals("every byte arrives, in order", data, got);
        assertEquals(5 * MB, sender.snapshot().netBytesOut());
        assertTrue("5 MB at 1 MB/s took " + seconds + " s, expected 5 s ± 20 %", seconds >= 4.0 && seconds <= 6.0);
    }

    @Test
    public void socketStreamsShareOneMeterAndReconcileCountsADirectClose() throws Exception {
        NetworkMeters meters = new NetworkMeters();
        IoAccount account = new IoAccount();
        Throttle throttle = Throttle.unlimited();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            meters.input(account, throttle, client, client.getInputStream());
            meters.output(account, throttle, client, client.getOutputStream());
            assertEquals("one socket, two streams: one connection", 1, account.snapshot().connections());
            assertEquals(1, account.snapshot().openSockets());
            client.close();
            meters.reconcile();
            assertEquals(0, account.snapshot().openSockets());
            assertTrue(accepted.isConnected());
        }
    }

    @Test
    public void socketChannelsAreCountedAndPacedWithoutLosingBytes() throws Exception {
        byte[] data = pattern(3 * MB);
        NetworkMeters meters = new NetworkMeters();
        IoAccount account = new IoAccount();
        Throttle throttle = meters.throttle("channels", 2 * MB);
        try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open()
                .bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (java.nio.channels.SocketChannel s = meters.channel(account, throttle, server.accept())) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(data.length);
                    while (buffer.hasRemaining() && s.read(buffer) >= 0) {
                        // read all
                    }
                    return buffer.array();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            try (java.nio.channels.SocketChannel client = meters.channel(account, throttle,
                    java.nio.channels.SocketChannel.open(server.getLocalAddress()))) {
                java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(data);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
            byte[] got = received.get(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertArrayEquals(data, got);
            IoCounters io = account.snapshot();
            assertEquals(3 * MB, io.netBytesOut());
            assertEquals(3 * MB, io.netBytesIn());
            assertEquals(2, io.connections());
            assertEquals(0, io.openSockets());
            // both directions share the plugin's 2 MB/s: 6 MB moved takes about 3 s
            assertTrue("6 MB through a 2 MB/s throttle took " + seconds + " s, expected 3 s ± 20 %", seconds >= 2.4 && seconds <= 3.6);
        }
    }

    private static byte[] transfer(NetworkMeters meters, IoAccount sendAccount, Throttle sendThrottle,
                                   IoAccount receiveAccount, byte[] data) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept();
                     InputStream in = meters.input(receiveAccount, Throttle.unlimited(), s, s.getInputStream())) {
                    ByteArrayOutputStream buffer = new ByteArrayOutputStream(data.length);
                    in.transferTo(buffer);
                    return buffer.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 OutputStream out = meters.output(sendAccount, sendThrottle, s, s.getOutputStream())) {
                out.write(data, 0, 7);
                out.write(data[7]);
                out.write(data, 8, data.length - 8);
            }
            return received.get(60, TimeUnit.SECONDS);
        }
    }

    private static byte[] pattern(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }
}
