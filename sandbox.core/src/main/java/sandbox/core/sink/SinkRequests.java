package sandbox.core.sink;

import static sandbox.api.PermissionKind.EXIT;
import static sandbox.api.PermissionKind.FILE;
import static sandbox.api.PermissionKind.NATIVE;
import static sandbox.api.PermissionKind.NETWORK;
import static sandbox.api.PermissionKind.PROCESS;

import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import sandbox.agent.gate.Sinks;

/**
 * What each sink asks, from the values the agent passes ({@link Sinks} says what {@code a} and {@code b} are). The
 * actions mirror the weaving guard's rows for the public API that ends in the sink: opening for write (options
 * WRITE, APPEND, CREATE, CREATE_NEW, TRUNCATE_EXISTING) is {@code write}, DELETE_ON_CLOSE adds {@code delete}, a
 * rename or move is {@code delete} of the source and {@code write} of the destination, a bind is {@code listen}, a
 * datagram send is {@code connect}.
 */
final class SinkRequests {
    private static final Set<StandardOpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);
    private static final int READ_ONLY = 1;   // RandomAccessFile's O_RDONLY: mode "r"

    private SinkRequests() {
    }

    /** @return the questions, in order; empty when the call needs none (a bind to an ephemeral port) */
    static List<SinkRequest> of(int sink, Object a, Object b) {
        return switch (sink) {
            case Sinks.FILE_INPUT, Sinks.FILE_LIST, Sinks.NIO_DIRECTORY -> List.of(file("read", a));
            case Sinks.FILE_OUTPUT, Sinks.FILE_MKDIR, Sinks.FILE_CREATE, Sinks.FILE_ATTRIBUTES, Sinks.NIO_MKDIR,
                    Sinks.NIO_LINK -> List.of(file("write", a));
            case Sinks.RANDOM_ACCESS -> List.of(file(Integer.valueOf(READ_ONLY).equals(b) ? "read" : "write", a));
            case Sinks.FILE_DELETE, Sinks.NIO_DELETE -> List.of(file("delete", a));
            case Sinks.FILE_RENAME, Sinks.NIO_MOVE -> List.of(file("delete", a), file("write", b));
            case Sinks.NIO_COPY -> List.of(file("read", a), file("write", b));
            case Sinks.NIO_BYTE_CHANNEL, Sinks.NIO_FILE_CHANNEL, Sinks.NIO_ASYNC_CHANNEL -> open(a, b);
            case Sinks.NET_CONNECT -> List.of(new SinkRequest(NETWORK, "connect", hostPort((InetAddress) a, (Integer) b)));
            case Sinks.NET_BIND -> bind((InetAddress) a, (Integer) b);
            case Sinks.DATAGRAM_SEND -> {
                InetSocketAddress to = (InetSocketAddress) a;
                yield List.of(new SinkRequest(NETWORK, "connect", hostPort(to.getAddress(), to.getPort())));
            }
            case Sinks.PROCESS_START ->
                    List.of(new SinkRequest(PROCESS, "exec", String.join(" ", ((ProcessBuilder) a).command())));
            case Sinks.EXIT, Sinks.HALT -> List.of(new SinkRequest(EXIT, "exit", "*"));
            case Sinks.LOAD, Sinks.LOAD_LIBRARY -> List.of(new SinkRequest(NATIVE, "load", String.valueOf(a)));
            // an id this core does not know comes from a newer agent: fail closed
            default -> throw new SecurityException("Sandbox: unknown JDK sink " + sink);
        };
    }

    private static List<SinkRequest> open(Object path, Object options) {
        boolean write = false;
        boolean delete = false;
        if (options instanceof Set<?> set) {
            for (Object o : set) {
                write |= WRITING.contains(o);
                delete |= o == StandardOpenOption.DELETE_ON_CLOSE;
            }
        }
        SinkRequest open = file(write ? "write" : "read", path);
        return delete ? List.of(open, file("delete", path)) : List.of(open);
    }

    // Port 0 asks the kernel for any free port, as every client socket gets one implicitly (a TCP connect, a
    // DatagramSocket before its first send): the connect or send that follows is the checked step.
    private static List<SinkRequest> bind(InetAddress address, int port) {
        if (port == 0) {
            return List.of();
        }
        return List.of(new SinkRequest(NETWORK, "listen", hostPort(address, port)));
    }

    /** @return an absolute path: the policy canonicalises it (links, {@code ..}) itself */
    static SinkRequest file(String action, Object target) {
        String path;
        if (target instanceof File f) {
            path = f.getAbsolutePath();
        } else if (target instanceof Path p) {
            path = p.toAbsolutePath().toString();
        } else {
            path = new File(String.valueOf(target)).getAbsolutePath();
        }
        return new SinkRequest(FILE, action, path);
    }

    static String hostPort(InetAddress a, int port) {
        String s = a == null ? "0.0.0.0" : a.getHostAddress();
        return (s.indexOf(':') >= 0 ? "[" + s + "]" : s) + ":" + port;
    }
}
