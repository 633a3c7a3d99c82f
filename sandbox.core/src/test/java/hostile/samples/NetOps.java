package hostile.samples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/** Network operations (A10, A14, A15, H3). */
public final class NetOps {
    private NetOps() {
    }

    static void connect(String host, int port) throws IOException {
        new Socket(host, port).close();
    }

    static void connectChannel(String host, int port) throws IOException {
        SocketChannel.open(new InetSocketAddress(host, port)).close();
    }

    /** Writes through the socket's own stream: counted and paced for the plugin. */
    static void send(String host, int port, int bytes) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.getOutputStream().write(new byte[bytes]);
        }
    }

    static int listen() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String resolve(String host) throws IOException {
        return InetAddress.getByName(host).getHostAddress();
    }

    /** H3: the socket connects in the JDK constructor called by the plugin's own constructor. */
    static void connectViaSubclass(String host, int port) throws IOException {
        new MySocket(host, port).close();
    }

    static final class MySocket extends Socket {
        MySocket(String host, int port) throws IOException {
            super(host, port);
        }
    }
}
