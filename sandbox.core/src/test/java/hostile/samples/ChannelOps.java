package hostile.samples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A blocking socket channel the plugin opens (issue 5): counted for it like its socket streams. */
public final class ChannelOps {
    private ChannelOps() {
    }

    /** @return the class of the channel the plugin got */
    static String send(String host, int port, int bytes) throws IOException {
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port))) {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            return ch.getClass().getName();
        }
    }
}
