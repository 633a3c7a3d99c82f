package hostile.corpus;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import javax.net.SocketFactory;

/** A10 sockets, A11 factories, A12 URLs, A14 literals, A15 name resolution. {@code port}: a loopback listener. */
final class NetworkActions {
    private NetworkActions() {
    }

    static void register(Map<String, Action> m) {
        m.put("A10.socket", in -> {
            new Socket("127.0.0.1", in.port()).close();
            return "connected";
        });
        m.put("A10.socketChannelOpen", in -> {
            SocketChannel.open(new InetSocketAddress("127.0.0.1", in.port())).close();
            return "connected";
        });
        m.put("A10.datagramSend", in -> {
            try (DatagramSocket ds = new DatagramSocket()) {
                ds.send(new DatagramPacket(new byte[] {1}, 1, new InetSocketAddress("127.0.0.1", in.port())));
            }
            return "sent";
        });
        m.put("A10.asyncSocketConnect", in -> {
            try (AsynchronousSocketChannel ch = AsynchronousSocketChannel.open()) {
                ch.connect(new InetSocketAddress("127.0.0.1", in.port())).get();
            }
            return "connected";
        });
        m.put("A11.socketFactory", in -> {
            SocketFactory.getDefault().createSocket("127.0.0.1", in.port()).close();
            return "connected";
        });
        m.put("A12.urlOpenStream", in -> {
            try (var s = new URL("http://127.0.0.1:" + in.port() + "/").openConnection().getInputStream()) {
                return "fetched";
            } catch (java.io.IOException noHttpServer) {
                return "connected, no HTTP";
            }
        });
        m.put("A12.fileUrl", in -> {
            try (var s = new URL("file:" + in.path()).openStream()) {
                return new String(s.readAllBytes());
            }
        });
        m.put("A13.unixDomainSocket", in -> {   // a file-system object, not a host: checked as a file write
            try (SocketChannel ch = SocketChannel.open(java.net.UnixDomainSocketAddress.of(in.path()))) {
                return "connected";
            } catch (java.io.IOException notASocket) {
                return "allowed, not a socket";
            }
        });
        m.put("A14.decimalLiteral", in -> {
            new Socket("2130706433", in.port()).close();   // 127.0.0.1 written as one number
            return "connected";
        });
        m.put("A15.dnsLookup", in -> InetAddress.getByName("corpus-exfiltration.invalid").getHostAddress());
        m.put("H5.networkChannelBind", in -> {   // owner in bytecode: the interface NetworkChannel
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                NetworkChannel ch = server;
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                return "bound";
            }
        });
    }
}
