package sandbox.core.weaving;

import static sandbox.api.PermissionKind.NETWORK;
import static sandbox.core.weaving.Rows.arg;
import static sandbox.core.weaving.Rows.hostPort;
import static sandbox.core.weaving.Rows.inetPort;
import static sandbox.core.weaving.Rows.self;

import java.util.List;

/** Network: sockets, channels, URLs, the HTTP client, name resolution, socket factories (A10–A15). */
final class NetworkApiRows implements SensitiveApiSource {
    private static final String S = "Ljava/lang/String;";
    private static final String IA = "Ljava/net/InetAddress;";
    private static final String SA = "Ljava/net/SocketAddress;";
    private static final ResultWrap IO = ResultWrap.NET_IO;

    @Override
    public String name() {
        return "network";
    }

    @Override
    public List<SensitiveApi> rows() {
        Rows r = new Rows(name());
        String sock = "java.net.Socket";
        r.add(sock, "<init>", "(" + S + "I)V", NETWORK, "connect", hostPort(0, 1), IO)
         .add(sock, "<init>", "(" + S + "IZ)V", NETWORK, "connect", hostPort(0, 1), IO)
         .add(sock, "<init>", "(" + S + "I" + IA + "I)V", NETWORK, "connect", hostPort(0, 1), IO)
         .add(sock, "<init>", "(" + IA + "I)V", NETWORK, "connect", inetPort(0, 1), IO)
         .add(sock, "<init>", "(" + IA + "IZ)V", NETWORK, "connect", inetPort(0, 1), IO)
         .add(sock, "<init>", "(" + IA + "I" + IA + "I)V", NETWORK, "connect", inetPort(0, 1), IO)
         .add(sock, "<init>", "(Ljava/net/Proxy;)V", NETWORK, "connect", Target.NONE)   // the proxy picks the next hop
         .add(sock, "connect", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(sock, "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0));
        // a socket's streams are counted and paced (bandwidth limit) for the plugin; the socket was checked when made
        r.add(sock, "getInputStream", "()Ljava/io/InputStream;", NETWORK, "connect", Target.METER_ONLY, IO)
         .add(sock, "getOutputStream", "()Ljava/io/OutputStream;", NETWORK, "connect", Target.METER_ONLY, IO);
        String server = "java.net.ServerSocket";
        r.add(server, "<init>", "(I)V", NETWORK, "listen", arg(TargetKind.PORT, 0), IO)
         .add(server, "<init>", "(II)V", NETWORK, "listen", arg(TargetKind.PORT, 0), IO)
         .add(server, "<init>", "(II" + IA + ")V", NETWORK, "listen", arg(TargetKind.PORT, 0), IO)
         .add(server, "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0));
        String udp = "java.net.DatagramSocket";
        r.add(udp, "<init>", "(I)V", NETWORK, "listen", arg(TargetKind.PORT, 0))
         .add(udp, "<init>", "(I" + IA + ")V", NETWORK, "listen", arg(TargetKind.PORT, 0))
         .add(udp, "<init>", "(" + SA + ")V", NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(udp, "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(udp, "connect", "(" + SA + ")V", NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(udp, "connect", "(" + IA + "I)V", NETWORK, "connect", inetPort(0, 1))
         .add(udp, "send", "(Ljava/net/DatagramPacket;)V", NETWORK, "connect", arg(TargetKind.DATAGRAM, 0));
        String ch = "java.nio.channels.";
        r.add(ch + "SocketChannel", "open", "(" + SA + ")Ljava/nio/channels/SocketChannel;", NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0), IO)
         .add(ch + "SocketChannel", "connect", "(" + SA + ")Z", NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "SocketChannel", "bind", "(" + SA + ")Ljava/nio/channels/SocketChannel;", NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "ServerSocketChannel", "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "DatagramChannel", "connect", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "DatagramChannel", "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "DatagramChannel", "send", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 1))
         .add(ch + "NetworkChannel", "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "AsynchronousSocketChannel", "connect", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "AsynchronousSocketChannel", "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0))
         .add(ch + "AsynchronousServerSocketChannel", "bind", SensitiveApi.ANY, NETWORK, "listen", arg(TargetKind.SOCKET_ADDRESS, 0));
        String url = "java.net.URL";
        for (String n : new String[] {"openConnection", "openStream", "getContent"}) {
            r.add(url, n, SensitiveApi.ANY, NETWORK, "connect", self(TargetKind.URL));
        }
        r.add("java.net.http.HttpClient", "send", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.HTTP_REQUEST, 0))
         .add("java.net.http.HttpClient", "sendAsync", SensitiveApi.ANY, NETWORK, "connect", arg(TargetKind.HTTP_REQUEST, 0))
         .add("java.net.InetAddress", "getByName", "(" + S + ")" + IA, NETWORK, "resolve", arg(TargetKind.HOST, 0))
         .add("java.net.InetAddress", "getAllByName", "(" + S + ")[" + IA, NETWORK, "resolve", arg(TargetKind.HOST, 0))
         .add("java.net.InetAddress", "getLocalHost", "()" + IA, NETWORK, "resolve", Target.NONE)
         .add("java.net.InetAddress", "isReachable", SensitiveApi.ANY, NETWORK, "connect", Target.NONE)
         .add("java.net.InetSocketAddress", "<init>", "(" + S + "I)V", NETWORK, "resolve", arg(TargetKind.HOST, 0));
        // factories create their sockets inside the JDK (A11): the factory call is the last point a caller-side guard sees
        for (String f : new String[] {"javax.net.SocketFactory", "javax.net.ssl.SSLSocketFactory"}) {
            r.add(f, "createSocket", "(" + S + "I)Ljava/net/Socket;", NETWORK, "connect", hostPort(0, 1), IO)
             .add(f, "createSocket", "(" + S + "I" + IA + "I)Ljava/net/Socket;", NETWORK, "connect", hostPort(0, 1), IO)
             .add(f, "createSocket", "(" + IA + "I)Ljava/net/Socket;", NETWORK, "connect", inetPort(0, 1), IO)
             .add(f, "createSocket", "(" + IA + "I" + IA + "I)Ljava/net/Socket;", NETWORK, "connect", inetPort(0, 1), IO);
        }
        r.add("javax.net.ServerSocketFactory", "createServerSocket", "(I)Ljava/net/ServerSocket;", NETWORK, "listen", arg(TargetKind.PORT, 0))
         .add("javax.net.ServerSocketFactory", "createServerSocket", "(II)Ljava/net/ServerSocket;", NETWORK, "listen", arg(TargetKind.PORT, 0))
         .add("javax.net.ServerSocketFactory", "createServerSocket", "(II" + IA + ")Ljava/net/ServerSocket;", NETWORK, "listen", arg(TargetKind.PORT, 0))
         .add("com.sun.net.httpserver.HttpServer", "create", SensitiveApi.ANY, NETWORK, "listen", Target.NONE)
         .add("com.sun.net.httpserver.HttpsServer", "create", SensitiveApi.ANY, NETWORK, "listen", Target.NONE);
        return r.build();
    }
}
