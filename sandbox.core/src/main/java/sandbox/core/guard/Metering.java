package sandbox.core.guard;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import sandbox.core.accounting.FileMeters;
import sandbox.core.accounting.NetworkMeters;
import sandbox.core.policy.HandleRegistry;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.ResultWrap;
import sandbox.core.weaving.SensitiveApi;

/**
 * The single point where values returned by sensitive calls are handed to the accounting wrappers of
 * {@code sandbox.core.accounting}: file streams and channels a plugin opens, and the streams of its sockets (counted
 * and paced to its bandwidth limit, one meter per socket), and blocking socket channels. File streams a plugin
 * constructs itself ({@code new FileInputStream(...)}) are constructed here instead, as the ledger's metered
 * subclasses ({@link #construct}); a plugin's own subclass of them stays the JDK's, unmetered.
 */
final class Metering {
    private Metering() {
    }

    static Object meter(PolicyHandle handle, SensitiveApi row, Object value, Object owner) {
        if (value == null) {
            return null;
        }
        return switch (row.wrap()) {
            case FILE_IO -> file(handle, value);
            case NET_IO -> network(handle, value, owner);
            case OWNED -> Tasks.owned(handle, row, value);
            case NONE, FILE_STREAM -> value;   // FILE_STREAM: already constructed metered, see construct
        };
    }

    private static Object file(PolicyHandle handle, Object value) {
        if (value instanceof InputStream in) {
            return FileMeters.input(handle.io(), in);
        }
        if (value instanceof OutputStream out) {
            return FileMeters.output(handle.io(), out);
        }
        if (value instanceof FileChannel ch) {
            return FileMeters.channel(handle.io(), ch);
        }
        return value;
    }

    /** File streams by their JDK class: the metered subclass, opened as the JDK constructor would. */
    private interface Opener {
        Object open(PolicyHandle h, java.io.File file, boolean append) throws java.io.FileNotFoundException;
    }

    private static final java.util.Map<String, Opener> OPENERS = java.util.Map.of(
            "java/io/FileInputStream", (h, f, append) -> FileMeters.newFileInputStream(h.io(), f),
            "java/io/FileOutputStream", (h, f, append) -> FileMeters.newFileOutputStream(h.io(), f, append));

    /**
     * {@code new FileInputStream(path)}, {@code new FileOutputStream(path[, append])}: the first argument is the
     * checked {@code String} or {@code File}, the second (when there is one) the append flag.
     */
    static Object construct(PolicyHandle handle, SensitiveApi row, Object[] args) throws java.io.FileNotFoundException {
        Opener opener = OPENERS.get(row.owner());
        if (opener == null || args.length == 0) {
            throw new SecurityException("Sandbox: row " + row.operation() + " " + row.descriptor() + " is not one the guard constructs");
        }
        java.io.File file = args[0] instanceof String s ? new java.io.File(s) : (java.io.File) args[0];
        if (file == null) {
            throw new NullPointerException();   // as the JDK constructor
        }
        return opener.open(handle, file, args.length > 1 && Boolean.TRUE.equals(args[1]));
    }

    private static Object network(PolicyHandle handle, Object value, Object socket) {
        NetworkMeters meters = HandleRegistry.networkMeters();
        if (meters == null) {
            return value;
        }
        var throttle = meters.throttle(handle.pluginId(), handle.networkBytesPerSecond());
        // SocketChannel.open(address): connected and blocking. A metered channel cannot be registered with a
        // Selector (the JDK's selectors take only their own channels): a plugin that switches it to non-blocking
        // and registers it gets IllegalSelectorException (docs/monitor.md, known limits)
        if (value instanceof java.nio.channels.SocketChannel ch && ch.isBlocking()) {
            return meters.channel(handle.io(), throttle, ch);
        }
        if (socket == null) {
            return value;
        }
        if (value instanceof InputStream in) {
            return meters.input(handle.io(), throttle, socket, in);
        }
        if (value instanceof OutputStream out) {
            return meters.output(handle.io(), throttle, socket, out);
        }
        return value;
    }
}
