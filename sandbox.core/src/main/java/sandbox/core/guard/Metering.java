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
 * and paced to its bandwidth limit, one meter per socket). File objects a plugin constructs itself
 * ({@code new FileInputStream(...)}) are the JDK's: there is nothing to wrap at the call site (docs/enforcement.md).
 */
final class Metering {
    private Metering() {
    }

    static Object meter(PolicyHandle handle, SensitiveApi row, Object value, Object owner) {
        if (value == null || row.wrap() == ResultWrap.NONE) {
            return value;
        }
        if (row.wrap() == ResultWrap.NET_IO) {
            return network(handle, value, owner);
        }
        if (row.wrap() == ResultWrap.OWNED) {
            return Tasks.owned(handle, row, value);
        }
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

    private static Object network(PolicyHandle handle, Object value, Object socket) {
        NetworkMeters meters = HandleRegistry.networkMeters();
        if (meters == null || socket == null) {
            return value;
        }
        var throttle = meters.throttle(handle.pluginId(), handle.networkBytesPerSecond());
        if (value instanceof InputStream in) {
            return meters.input(handle.io(), throttle, socket, in);
        }
        if (value instanceof OutputStream out) {
            return meters.output(handle.io(), throttle, socket, out);
        }
        return value;
    }
}
