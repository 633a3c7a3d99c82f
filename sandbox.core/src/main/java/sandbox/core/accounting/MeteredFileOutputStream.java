package sandbox.core.accounting;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A {@link FileOutputStream} that counts what is written through it: for {@code new FileOutputStream(...)} call
 * sites, where the plugin's code needs the JDK type itself and a wrapper stream would not do. The guard constructs
 * this instead, with the same arguments. Its channel is metered by the same {@link Meter}.
 */
public final class MeteredFileOutputStream extends FileOutputStream {
    private final Meter meter;

    /**
     * Opens the file (the JDK's constructor, so the same exceptions) and counts it open.
     *
     * @param account the plugin's account
     * @param file the file
     * @param append whether to append
     * @throws FileNotFoundException as {@link FileOutputStream#FileOutputStream(File, boolean)}
     */
    public MeteredFileOutputStream(IoAccount account, File file, boolean append) throws FileNotFoundException {
        super(file, append);
        this.meter = Meter.file(account); // after super: a file that failed to open is not counted open
    }

    @Override
    public void write(int b) throws IOException {
        super.write(b);
        meter.written(1);
    }

    @Override
    public void write(byte[] b) throws IOException {
        super.write(b);
        meter.written(b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        meter.written(len);
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
