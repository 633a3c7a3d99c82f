package hostile.samples;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** File streams the plugin constructs itself (issue 5): they come back metered. */
public final class StreamOps {
    private StreamOps() {
    }

    /** @return the class of the stream the plugin got */
    static String write(String path, int bytes, boolean append) throws IOException {
        try (FileOutputStream out = append ? new FileOutputStream(path, true) : new FileOutputStream(new File(path))) {
            out.write(new byte[bytes]);
            return out.getClass().getName();
        }
    }

    /** The argument is chosen by a branch between NEW and the constructor call (frames hold the new object). */
    static long read(String path, boolean asFile) throws IOException {
        long n = 0;
        try (InputStream in = new FileInputStream(asFile ? new File(path) : new File(path).getAbsoluteFile())) {
            while (in.read() >= 0) {
                n++;
            }
        }
        return n;
    }

    /** Through the stream's channel: the same meter. */
    static long readViaChannel(String path) throws IOException {
        try (FileInputStream in = new FileInputStream(path)) {
            return in.getChannel().read(java.nio.ByteBuffer.allocate(1 << 20));
        }
    }

    static String missing(String path) throws IOException {
        try (OutputStream out = new FileOutputStream(path + "/no/such/dir/x")) {
            return "opened";
        }
    }
}
