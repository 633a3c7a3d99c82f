package sandbox.core.guard;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import sandbox.core.accounting.FileMeters;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.ResultWrap;
import sandbox.core.weaving.SensitiveApi;

/**
 * The single point where values returned by sensitive calls are handed to the accounting wrappers of
 * {@code sandbox.core.accounting}: file streams and channels a plugin opens are counted (bytes, opens, closes).
 * Network results are returned as they are for now (the network meters need the socket lifecycle; see
 * docs/enforcement.md), as are file objects a plugin constructs itself ({@code new FileInputStream(...)}: the
 * object is the JDK's, there is nothing to wrap at the call site).
 */
final class Metering {
    private Metering() {
    }

    static Object meter(PolicyHandle handle, SensitiveApi row, Object value) {
        if (row.wrap() != ResultWrap.FILE_IO || value == null) {
            return value;
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
}
