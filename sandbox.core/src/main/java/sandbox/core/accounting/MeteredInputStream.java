package sandbox.core.accounting;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream of a plugin's file or socket whose bytes are counted (and, for sockets, paced) by a {@link Meter}. */
public final class MeteredInputStream extends FilterInputStream {
    private final Meter meter;

    /**
     * @param in the stream the plugin opened
     * @param meter the meter of the file or socket it reads
     */
    public MeteredInputStream(InputStream in, Meter meter) {
        super(in);
        this.meter = meter;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            meter.read(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, Math.min(len, meter.chunk()));
        meter.read(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        return skipped; // skipped bytes of a file are not read; a socket's are, but skip on sockets reads into the JDK's buffer unseen
    }

    @Override
    public void close() throws IOException {
        try {   // not meter.close(in::close): that allocates a lambda on every close
            in.close();
        } finally {
            meter.closed();
        }
    }
}
