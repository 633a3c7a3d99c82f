package sandbox.core.accounting;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A {@link FileInputStream} that counts what is read through it, for {@code new FileInputStream(...)} call sites
 * (see {@link MeteredFileOutputStream}). Skipped bytes are not read and not counted.
 */
public final class MeteredFileInputStream extends FileInputStream {
    private final Meter meter;

    /**
     * Opens the file (the JDK's constructor, so the same exceptions) and counts it open.
     *
     * @param account the plugin's account
     * @param file the file
     * @throws FileNotFoundException as {@link FileInputStream#FileInputStream(File)}
     */
    public MeteredFileInputStream(IoAccount account, File file) throws FileNotFoundException {
        super(file);
        this.meter = Meter.file(account);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            meter.read(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b) throws IOException {
        int n = super.read(b);
        meter.read(n);
        return n;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        meter.read(n);
        return n;
    }

    @Override
    public FileChannel getChannel() {
        return new MeteredFileChannel(super.getChannel(), meter, this::close);
    }

    @Override
    public void close() throws IOException {
        try {   // not meter.close(super::close): that allocates a lambda on every close
            super.close();
        } finally {
            meter.closed();
        }
    }
}
