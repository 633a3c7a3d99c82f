package bench.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.LongSupplier;

/** One measured operation: a TCP connect to the harness's loopback server, then close. */
final class ConnectLoopback implements LongSupplier {
    private final InetSocketAddress address;

    ConnectLoopback(InetSocketAddress address) {
        this.address = address;
    }

    /** @return the local port used, so the work cannot be optimised away */
    @Override
    public long getAsLong() {
        try (Socket socket = new Socket()) {
            // close with a reset: no TIME_WAIT, so tens of thousands of connects per second never run out of ports
            socket.setSoLinger(true, 0);
            socket.connect(address);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
