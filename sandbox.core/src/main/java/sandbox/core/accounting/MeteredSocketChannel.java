package sandbox.core.accounting;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A plugin's {@link SocketChannel} whose bytes are counted and paced by the socket's {@link Meter}, for blocking
 * use. A write is passed on in steps of at most one throttle burst. Limits, said plainly: a wrapped channel cannot
 * be registered with a {@link java.nio.channels.Selector} (the JDK's selectors accept only their own channel
 * implementation), and in non-blocking mode a paced write still waits for the throttle; the guard should wrap only
 * channels the plugin uses blocking, or none at all if it selects. {@link #socket()} returns the JDK's socket
 * adaptor, whose streams are not counted.
 */
public final class MeteredSocketChannel extends SocketChannel {
    private final SocketChannel ch;
    private final Meter meter;

    MeteredSocketChannel(SocketChannel ch, Meter meter) {
        super(ch.provider());
        this.ch = ch;
        this.meter = meter;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = ch.read(dst);
        meter.read(n);
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n = ch.read(dsts, offset, length);
        meter.read(n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int step = Math.min(src.remaining(), meter.chunk());
        meter.beforeWrite(step, 0);
        int limit = src.limit();
        src.limit(src.position() + step);
        try {
            int n = ch.write(src);
            meter.written(n);
            return n;
        } finally {
            src.limit(limit);
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            while (srcs[i].hasRemaining()) {
                int n = write(srcs[i]);
                if (n == 0) {
                    return total; // non-blocking and the socket buffer is full
                }
                total += n;
            }
        }
        return total;
    }

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        ch.bind(local);
        return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        ch.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return ch.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return ch.supportedOptions();
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        ch.shutdownInput();
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        ch.shutdownOutput();
        return this;
    }

    @Override
    public Socket socket() {
        return ch.socket();
    }

    @Override
    public boolean isConnected() {
        return ch.isConnected();
    }

    @Override
    public boolean isConnectionPending() {
        return ch.isConnectionPending();
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        return ch.connect(remote);
    }

    @Override
    public boolean finishConnect() throws IOException {
        return ch.finishConnect();
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        return ch.getRemoteAddress();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return ch.getLocalAddress();
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        meter.close(ch::close);
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        ch.configureBlocking(block);
    }
}
