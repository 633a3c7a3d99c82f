package sandbox.core.accounting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A plugin's {@link FileChannel} whose bytes are counted by a {@link Meter}. Transfers count the bytes moved
 * in or out of this file. Not counted: bytes touched through {@link #map} (memory-mapped access is loads and
 * stores, invisible to any wrapper); the guard should treat {@code map} in write mode as a file write of the
 * mapped size if that matters.
 */
public final class MeteredFileChannel extends FileChannel {
    private final FileChannel ch;
    private final Meter meter;
    private final Meter.IoCloser owner;

    /**
     * @param ch the channel the plugin opened
     * @param meter the file's meter
     */
    public MeteredFileChannel(FileChannel ch, Meter meter) {
        this(ch, meter, null);
    }

    /**
     * A channel of a metered stream: closing it closes the stream (as the JDK's stream channels do), through
     * {@code owner}, so the file is counted closed once.
     */
    MeteredFileChannel(FileChannel ch, Meter meter, Meter.IoCloser owner) {
        this.ch = ch;
        this.meter = meter;
        this.owner = owner;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = ch.read(dst);
        meter.read(n);
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n = ch.read(dsts, offset, length);
        meter.read(n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = ch.write(src);
        meter.written(n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = ch.write(srcs, offset, length);
        meter.written(n);
        return n;
    }

    @Override
    public long position() throws IOException {
        return ch.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        ch.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return ch.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        ch.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ch.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        long n = ch.transferTo(position, count, target);
        meter.read(n);
        return n;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        long n = ch.transferFrom(src, position, count);
        meter.written(n);
        return n;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int n = ch.read(dst, position);
        meter.read(n);
        return n;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int n = ch.write(src, position);
        meter.written(n);
        return n;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return ch.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return ch.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return ch.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        if (owner != null) {
            ch.close();
            owner.close();
        } else {
            meter.close(ch::close);
        }
    }
}
