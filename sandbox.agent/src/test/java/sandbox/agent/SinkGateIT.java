package sandbox.agent;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.agent.gate.SinkCheck;
import sandbox.agent.gate.SinkGate;
import sandbox.agent.gate.Sinks;

/** Runs in a JVM started with the packaged agent (failsafe argLine): real JDK calls reach the gate. */
public class SinkGateIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int denied = -1;
    private Object token;

    @Before
    public void install() {
        token = SinkGate.install(new SinkCheck() {
            @Override
            public void check(int sink, Object a, Object b) {
                seen.add(sink + " " + a + " " + b);
                if (sink == denied) {
                    throw new SecurityException("denied sink " + Sinks.MEMBERS.get(sink));
                }
            }
        });
    }

    @After
    public void uninstall() {
        SinkGate.uninstall(token);
    }

    @Test
    public void everyRowIsInstrumented() {
        assertEquals(String.valueOf(SinkTable.ROWS.size()), System.getProperty(SinkAgent.ACTIVE_PROPERTY));
        assertEquals(Sinks.LOAD_LIBRARY + 1, Sinks.MEMBERS.size());
    }

    @Test
    public void fileOpensReachTheGateWithThePath() throws Exception {
        File f = tmp.newFile("a.txt");
        new FileInputStream(f).close();
        assertTrue(seen.toString(), seen.contains(Sinks.FILE_INPUT + " " + f.getPath() + " null"));
        Files.newInputStream(f.toPath()).close();
        assertTrue(seen.toString(), seen.stream().anyMatch(s -> s.startsWith(Sinks.NIO_BYTE_CHANNEL + " " + f.toPath())));
    }

    @Test
    public void aThrowingCheckStopsTheOpenBeforeTheFileExists() {
        File f = new File(tmp.getRoot(), "never.txt");
        denied = Sinks.FILE_OUTPUT;
        try {
            new FileOutputStream(f).close();
            fail("the checker denied the open");
        } catch (SecurityException expected) {
            assertTrue(expected.getMessage().contains("FileOutputStream"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertFalse(f.exists());
    }

    @Test
    public void deleteRenameAndListAreSinks() throws Exception {
        File f = tmp.newFile("b.txt");
        f.getParentFile().list();
        f.renameTo(new File(tmp.getRoot(), "c.txt"));
        Files.delete(tmp.getRoot().toPath().resolve("c.txt"));
        String all = seen.toString();
        assertTrue(all, all.contains(Sinks.FILE_LIST + " " + tmp.getRoot()));
        assertTrue(all, all.contains(Sinks.FILE_RENAME + " " + f));
        assertTrue(all, all.contains(Sinks.NIO_DELETE + " " + tmp.getRoot().toPath().resolve("c.txt")));
    }

    @Test
    public void socketsBindConnectAndSendReachTheGate() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertNotNull(client);
            udp.send(new DatagramPacket(new byte[1], 1, new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)));
            String all = seen.toString();
            assertTrue(all, all.contains(Sinks.NET_BIND + " "));
            assertTrue(all, all.contains(Sinks.NET_CONNECT + " " + InetAddress.getLoopbackAddress() + " " + server.getLocalPort()));
            assertTrue(all, all.contains(Sinks.DATAGRAM_SEND + " "));
        }
    }

    @Test
    public void processStartAndNativeLoadCanBeDenied() throws Exception {
        denied = Sinks.PROCESS_START;
        try {
            new ProcessBuilder("true").start();
            fail("denied");
        } catch (SecurityException expected) {
            assertTrue(seen.toString(), seen.stream().anyMatch(s -> s.startsWith(Sinks.PROCESS_START + " ")));
        }
        denied = Sinks.LOAD_LIBRARY;
        try {
            System.loadLibrary("no-such-library");
            fail("denied");
        } catch (SecurityException expected) {
            assertTrue(seen.toString(), seen.contains(Sinks.LOAD_LIBRARY + " no-such-library " + SinkGateIT.class));
        }
    }

    @Test
    public void theCheckersOwnIoIsNotCheckedAgain() throws Exception {
        Path p = tmp.newFile("d.txt").toPath();
        SinkGate.uninstall(token);
        int[] calls = new int[1];
        token = SinkGate.install((sink, a, b) -> {
            calls[0]++;
            try {
                Files.readAllBytes(p);   // would recurse forever without the gate's guard
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        new FileInputStream(p.toFile()).close();
        assertEquals(1, calls[0]);
    }

    @Test
    public void onlyTheInstallerRemovesTheChecker() {
        try {
            SinkGate.install((sink, a, b) -> { });
            fail("a second checker must not replace the first");
        } catch (IllegalStateException expected) {
            assertTrue(SinkGate.active());
        }
        try {
            SinkGate.uninstall(new Object());
            fail("a wrong token must not remove it");
        } catch (SecurityException expected) {
            assertTrue(SinkGate.active());
        }
    }
}
