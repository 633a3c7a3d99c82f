package sandbox.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server a test runs for plugins to reach, counting the connections it accepts (the evidence that a
 * connection really happened). Silent: accepts and closes. HTTP: answers GET requests from fixed bodies and
 * redirects, one connection at a time, {@code Connection: close}.
 */
final class LoopbackServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<String, byte[]> bodies;
    private final Map<String, String> redirects;

    private LoopbackServer(String name, Map<String, byte[]> bodies, Map<String, String> redirects) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.bodies = bodies;
        this.redirects = redirects;
        this.acceptor = new Thread(this::serve, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a server that accepts and closes every connection */
    static LoopbackServer silent(String name) throws IOException {
        return new LoopbackServer(name, null, Map.of());
    }

    /** @return an HTTP server answering {@code bodies} by path and {@code redirects} (path to location) with 302 */
    static LoopbackServer http(String name, Map<String, byte[]> bodies, Map<String, String> redirects) throws IOException {
        return new LoopbackServer(name, bodies, redirects);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return how many connections were accepted so far */
    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                accepted.incrementAndGet();
                if (bodies != null) {
                    answer(s.getInputStream(), s.getOutputStream());
                }
            } catch (IOException closedOrBroken) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void answer(InputStream in, OutputStream out) throws IOException {
        String request = head(in);
        String path = request.isEmpty() ? "" : request.split(" ")[1];
        String head;
        byte[] body = bodies.get(path);
        if (redirects.containsKey(path)) {
            head = "HTTP/1.1 302 Found\r\nLocation: " + redirects.get(path) + "\r\nContent-Length: 0\r\n";
            body = new byte[0];
        } else if (body != null) {
            head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n";
        } else {
            body = new byte[0];
            head = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n";
        }
        out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** @return the request line; reads the request head up to the empty line */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            seen.write(b);
            byte[] a = seen.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        String text = seen.toString(StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(5_000);
    }
}
