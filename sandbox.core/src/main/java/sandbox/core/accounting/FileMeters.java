package sandbox.core.accounting;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;

/**
 * What the guard calls when a plugin opens a file: each method counts the file open in the plugin's
 * {@link IoAccount} and returns the plugin's stream or channel wrapped so its bytes are counted and its close is
 * counted once. Readers and writers are built on a metered byte stream, so bytes (not chars) are counted exactly.
 */
public final class FileMeters {
    private FileMeters() {
    }

    /** @return {@code in} (a stream the plugin just opened on a file) counted into {@code account} */
    public static InputStream input(IoAccount account, InputStream in) {
        return new MeteredInputStream(in, Meter.file(account));
    }

    /** @return {@code out} (a stream the plugin just opened on a file) counted into {@code account} */
    public static OutputStream output(IoAccount account, OutputStream out) {
        return new MeteredOutputStream(out, Meter.file(account));
    }

    /** @return a reader decoding {@code in} with {@code charset}, its bytes counted into {@code account} */
    public static Reader reader(IoAccount account, InputStream in, Charset charset) {
        return new InputStreamReader(input(account, in), charset);
    }

    /** @return a writer encoding to {@code out} with {@code charset}, its bytes counted into {@code account} */
    public static Writer writer(IoAccount account, OutputStream out, Charset charset) {
        return new OutputStreamWriter(output(account, out), charset);
    }

    /**
     * For {@code new FileInputStream(file)} call sites: opens the file as the JDK would and counts it.
     *
     * @return a {@link java.io.FileInputStream} counted into {@code account}
     * @throws java.io.FileNotFoundException as the JDK's constructor
     */
    public static java.io.FileInputStream newFileInputStream(IoAccount account, java.io.File file) throws java.io.FileNotFoundException {
        return new MeteredFileInputStream(account, file);
    }

    /**
     * For {@code new FileOutputStream(file[, append])} call sites (a {@code String} path: {@code new File(path)}).
     *
     * @return a {@link java.io.FileOutputStream} counted into {@code account}
     * @throws java.io.FileNotFoundException as the JDK's constructor
     */
    public static java.io.FileOutputStream newFileOutputStream(IoAccount account, java.io.File file, boolean append)
            throws java.io.FileNotFoundException {
        return new MeteredFileOutputStream(account, file, append);
    }

    /** @return {@code channel} (just opened by the plugin on a file) counted into {@code account} */
    public static FileChannel channel(IoAccount account, FileChannel channel) {
        return new MeteredFileChannel(channel, Meter.file(account));
    }
}
