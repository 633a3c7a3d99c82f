package sandbox.core.accounting;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the guard calls for a plugin's sockets: one {@link Throttle} per plugin shared by all its sockets and both
 * directions, and one {@link Meter} per socket shared by its input and output streams (so the socket is counted
 * open once, at its first stream or at {@link #connected}, and closed once).
 *
 * <p>A plugin may close a socket itself instead of its streams; {@link #reconcile()} counts such sockets closed,
 * and the guard may report a close it sees with {@link #closed}. Sockets are held weakly.
 */
public final class NetworkMeters {
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
    private final Map<Object, Meter> sockets = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param pluginId the plugin
     * @param bytesPerSecond its current bandwidth limit ({@link Long#MAX_VALUE}: none); applied to the existing throttle
     * @return the plugin's throttle
     */
    public Throttle throttle(String pluginId, long bytesPerSecond) {
        Throttle throttle = throttles.computeIfAbsent(pluginId, id -> new Throttle(bytesPerSecond));
        if (throttle.rate() != bytesPerSecond) {
            throttle.setRate(bytesPerSecond);
        }
        return throttle;
    }

    /**
     * Counts a socket connected or accepted by the plugin (idempotent per socket).
     *
     * @param account the plugin's account
     * @param throttle the plugin's throttle
     * @param socket a {@link Socket}, {@link ServerSocket}-accepted socket or socket channel
     * @return the socket's meter
     */
    public Meter connected(IoAccount account, Throttle throttle, Object socket) {
        synchronized (sockets) {
            return sockets.computeIfAbsent(socket, s -> Meter.socket(account, throttle));
        }
    }

    /** @return {@code in}, a stream of {@code socket}, counted and paced for the plugin */
    public InputStream input(IoAccount account, Throttle throttle, Object socket, InputStream in) {
        return new MeteredInputStream(in, connected(account, throttle, socket));
    }

    /** @return {@code out}, a stream of {@code socket}, counted and paced for the plugin */
    public OutputStream output(IoAccount account, Throttle throttle, Object socket, OutputStream out) {
        return new MeteredOutputStream(out, connected(account, throttle, socket));
    }

    /**
     * @return {@code channel}, a socket channel the plugin opened or accepted, counted and paced for the plugin (for
     *         blocking use: see {@link MeteredSocketChannel})
     */
    public java.nio.channels.SocketChannel channel(IoAccount account, Throttle throttle, java.nio.channels.SocketChannel channel) {
        return new MeteredSocketChannel(channel, connected(account, throttle, channel));
    }

    /** Counts {@code socket} closed if it was counted open. */
    public void closed(Object socket) {
        Meter meter = sockets.remove(socket);
        if (meter != null) {
            meter.closed();
        }
    }

    /** Counts closed every tracked socket that is closed by now, however it was closed. */
    public void reconcile() {
        List<Object> done = new ArrayList<>();
        synchronized (sockets) {
            sockets.forEach((socket, meter) -> {
                if (meter.isClosed() || isClosed(socket)) {
                    done.add(socket);
                }
            });
        }
        done.forEach(this::closed);
    }

    private static boolean isClosed(Object socket) {
        if (socket instanceof Socket s) {
            return s.isClosed();
        }
        if (socket instanceof Channel c) {
            return !c.isOpen();
        }
        return false;
    }
}
