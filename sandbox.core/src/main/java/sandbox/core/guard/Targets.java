package sandbox.core.guard;

import java.io.File;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.SensitiveApi;

/** Derives each kind of target, copies it (A8), asks the {@link PolicyDecisionPoint}, returns the copy. */
final class Targets {
    private Targets() {
    }

    static String tmpdir() {
        return System.getProperty("java.io.tmpdir");
    }

    static Object check(PolicyHandle h, SensitiveApi row, Object target) {
        switch (row.target().kind()) {
            case PATH:
                return checkPath(h, row, row.action(), target);
            case SOCKET_ADDRESS:
                return checkAddress(h, row, (SocketAddress) target);
            case DATAGRAM:
                return checkDatagram(h, row, (DatagramPacket) target);
            case HOST:
                return checkResolve(h, row, (String) target);
            case URL:
                checkUrl(h, row, (URL) target);
                return target;
            case HTTP_REQUEST:
                return checkRequest(h, row, (HttpRequest) target);
            case NAME:
                enforce(h, row, row.action(), String.valueOf(target));
                return target;
            case ENV:
                enforce(h, row, row.action(), "env:" + target);
                return target;
            case COMMAND: {
                StringBuilder text = new StringBuilder();
                Object copy = Copies.command(target, text);
                enforce(h, row, row.action(), text.toString());
                return copy;
            }
            case THREAD:
                enforce(h, row, row.action(), "*");
                return target;
            case TASK:
                return Tasks.wrap(h, row, target);
            default:
                throw new SecurityException("Sandbox: row " + row.operation() + " has target " + row.target().kind()
                        + " that takes another check");
        }
    }

    static Object checkOpen(PolicyHandle h, SensitiveApi row, Object path, Object options) {
        boolean write = row.action().equals("write");
        boolean delete = false;
        for (Object o : Copies.optionList(options)) {
            write |= o == StandardOpenOption.WRITE || o == StandardOpenOption.APPEND || o == StandardOpenOption.CREATE
                    || o == StandardOpenOption.CREATE_NEW || o == StandardOpenOption.TRUNCATE_EXISTING;
            delete |= o == StandardOpenOption.DELETE_ON_CLOSE;
        }
        Object copy = checkPath(h, row, write ? "write" : "read", path);
        if (delete) {
            checkPath(h, row, "delete", copy);
        }
        return copy;
    }

    static Object checkPath(PolicyHandle h, SensitiveApi row, String action, Object target) {
        if (target == null) {
            enforce(h, row, action, tmpdir());   // createTempFile(prefix, suffix, null): the temporary folder
            return null;
        }
        if (target instanceof String s) {
            enforce(h, row, action, s);
            return s;
        }
        if (target instanceof File f) {
            File copy = Copies.file(f);
            enforce(h, row, action, copy.getPath());
            return copy;
        }
        if (target instanceof Path p) {
            Path copy = Copies.path(p);
            enforce(h, row, action, copy.toString());
            return copy;
        }
        if (target instanceof URI u && "file".equalsIgnoreCase(u.getScheme())) {
            enforce(h, row, action, Path.of(u).toString());
            return u;
        }
        if (target instanceof URI u && "jar".equalsIgnoreCase(u.getScheme())) {
            String inner = u.getRawSchemeSpecificPart();
            int bang = inner.indexOf("!/");
            checkPath(h, row, action, URI.create(bang < 0 ? inner : inner.substring(0, bang)));
            return u;
        }
        throw denied(h, row, action, "unsupported file target " + target);
    }

    static Object checkHostPort(PolicyHandle h, SensitiveApi row, Object host, int port) {
        if (host instanceof InetAddress a) {
            enforce(h, row, row.action(), hostPort(a, port));
            return a;
        }
        String name = host == null ? InetAddress.getLoopbackAddress().getHostAddress() : (String) host;
        if (row.action().equals("resolve")) {
            return checkResolve(h, row, name);
        }
        enforce(h, row, row.action(), hostPort(name, port));
        if (isLiteral(name)) {
            return literal(name).getHostAddress();   // the address checked is the address connected to (A14)
        }
        return name;
    }

    private static Object checkResolve(PolicyHandle h, SensitiveApi row, String host) {
        if (host != null && !isLiteral(host)) {   // parsing a literal sends no query: nothing to check
            enforce(h, row, "resolve", host + ":0");
        }
        return host;
    }

    private static SocketAddress checkAddress(PolicyHandle h, SensitiveApi row, SocketAddress address) {
        if (address == null) {
            enforce(h, row, row.action(), "0.0.0.0:0");
            return null;
        }
        if (address instanceof UnixDomainSocketAddress u) {   // a file-system object, not a host (A13)
            PolicyDecisionPoint.enforce(h, PermissionKind.FILE, "write", u.getPath().toString(), row.operation());
            return u;
        }
        if (address instanceof InetSocketAddress isa) {
            InetAddress ip = isa.getAddress();
            int port = isa.getPort();
            if (ip == null) {
                String name = isa.getHostString();
                enforce(h, row, row.action(), hostPort(name, port));
                return InetSocketAddress.createUnresolved(name, port);
            }
            enforce(h, row, row.action(), hostPort(ip, port));
            return new InetSocketAddress(ip, port);
        }
        throw denied(h, row, row.action(), "unsupported socket address " + address.getClass().getName());
    }

    private static DatagramPacket checkDatagram(PolicyHandle h, SensitiveApi row, DatagramPacket p) {
        if (p.getAddress() == null) {
            return p;   // a connected socket's destination; connect was checked
        }
        InetSocketAddress to = (InetSocketAddress) checkAddress(h, row, p.getSocketAddress());
        return new DatagramPacket(p.getData(), p.getOffset(), p.getLength(), to);
    }

    private static void checkUrl(PolicyHandle h, SensitiveApi row, URL url) {
        String protocol = url.getProtocol().toLowerCase(java.util.Locale.ROOT);
        switch (protocol) {
            case "file" -> PolicyDecisionPoint.enforce(h, PermissionKind.FILE, "read", url.getPath(), row.operation());
            case "jar" -> checkPath(h, row, "read", URI.create(url.toString()));
            // the framework's own resource URLs: a plugin reading resources through its class loader
            case "bundle", "bundleresource", "bundleentry", "jrt" -> { }
            default -> {
                int port = url.getPort() < 0 ? url.getDefaultPort() : url.getPort();
                if (url.getHost().isEmpty() || port < 0) {
                    throw denied(h, row, row.action(), url.toString());
                }
                enforce(h, row, row.action(), hostPort(url.getHost(), port));
            }
        }
    }

    private static HttpRequest checkRequest(PolicyHandle h, SensitiveApi row, HttpRequest request) {
        HttpRequest copy = HttpRequest.newBuilder(request, (name, value) -> true).build();   // a JDK request: its URI cannot change
        URI uri = copy.uri();
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        enforce(h, row, row.action(), hostPort(uri.getHost(), port));
        return copy;
    }

    private static void enforce(PolicyHandle h, SensitiveApi row, String action, String target) {
        // allowed with nothing to record is the common case; the operation's name (two strings built per call)
        // is only needed when enforce records, reports or denies
        if (!PolicyDecisionPoint.allowedQuietly(h, row.permission(), action, target)) {
            PolicyDecisionPoint.enforce(h, row.permission(), action, target, row.operation());
        }
    }

    private static SecurityException denied(PolicyHandle h, SensitiveApi row, String action, String what) {
        enforce(h, row, action, "(" + what + ")");   // records; throws unless MINIMAL
        return new SecurityException("Sandbox: " + what);
    }

    private static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return !host.isEmpty();
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SecurityException("Sandbox: bad address literal " + host, e);
        }
    }

    private static String hostPort(InetAddress a, int port) {
        String s = a.getHostAddress();
        return (s.indexOf(':') >= 0 ? "[" + s + "]" : s) + ":" + port;
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
