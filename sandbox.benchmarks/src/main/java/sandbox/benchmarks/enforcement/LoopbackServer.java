package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The harness's end of the measured connects: accepts on 127.0.0.1 and closes each connection at once. */
final class LoopbackServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;

    LoopbackServer() throws IOException {
        server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "bench-loopback-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            // a plain close: the client resets first (SO_LINGER 0, no TIME_WAIT); a reset from this side could hit the
            // client's next connection when it reuses the same ephemeral port
            try (Socket s = server.accept()) {
                s.getPort();
            } catch (IOException e) {
                // closed, or the client reset first: both fine
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
