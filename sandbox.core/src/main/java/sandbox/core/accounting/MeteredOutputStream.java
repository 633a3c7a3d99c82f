package sandbox.core.accounting;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream of a plugin's file or socket whose bytes are counted (and, for sockets, paced) by a
 * {@link Meter}. A large write is passed on in chunks of at most one burst, each after the throttle allows it.
 */
public final class MeteredOutputStream extends FilterOutputStream {
    private final Meter meter;

    /**
     * @param out the stream the plugin opened
     * @param meter the meter of the file or socket it writes
     */
    public MeteredOutputStream(OutputStream out, Meter meter) {
        super(out);
        this.meter = meter;
    }

    @Override
    public void write(int b) throws IOException {
        meter.beforeWrite(1, 0);
        out.write(b);
        meter.written(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        int done = 0;
        while (done < len) {
            int step = Math.min(len - done, meter.chunk());
            meter.beforeWrite(step, done);
            out.write(b, off + done, step);
            meter.written(step);
            done += step;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {   // not meter.close(out::close): that allocates a lambda on every close
            out.close();
        } finally {
            meter.closed();
        }
    }
}
