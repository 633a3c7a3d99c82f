package sandbox.core.accounting;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.api.IoCounters;

/** File wrappers on real files: every byte counted exactly, opens and closes counted once. */
public class MeteredFileIoTest {
    private static final int TEN_MB = 10 * 1024 * 1024;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void streamsCountTenMegabytesWrittenAndReadExactly() throws Exception {
        IoAccount account = new IoAccount();
        Path file = folder.getRoot().toPath().resolve("data.bin");
        byte[] data = new byte[TEN_MB];
        new Random(5).nextBytes(data);

        try (OutputStream out = FileMeters.output(account, Files.newOutputStream(file))) {
            out.write(data, 0, 1000);
            out.write(data[1000]);
            out.write(data, 1001, data.length - 1001);
        }
        byte[] back = new byte[TEN_MB];
        try (InputStream in = FileMeters.input(account, Files.newInputStream(file))) {
            int off = 0;
            back[off++] = (byte) in.read();
            for (int n; off < back.length && (n = in.read(back, off, back.length - off)) > 0; ) {
                off += n;
            }
            assertEquals(-1, in.read());
        }

        assertArrayEquals(data, back);
        assertEquals(new IoCounters(TEN_MB, TEN_MB, 2, 0, 0, 0, 0, 0), account.snapshot());
    }

    @Test
    public void openFilesCountsWhileOpenAndCloseCountsOnce() throws Exception {
        IoAccount account = new IoAccount();
        Path file = folder.newFile().toPath();
        OutputStream out = FileMeters.output(account, Files.newOutputStream(file));
        assertEquals(1, account.snapshot().openFiles());
        out.close();
        out.close();
        assertEquals(0, account.snapshot().openFiles());
        assertEquals(1, account.snapshot().fileOpens());
    }

    @Test
    public void streamsClosedTwiceFromManyThreadsAreCountedClosedOnce() throws Exception {
        IoAccount account = new IoAccount();
        Path file = Files.write(folder.getRoot().toPath().resolve("small.bin"), new byte[1024]);
        int threads = 4;
        int perThread = 500;
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            open.add(FileMeters.input(account, Files.newInputStream(file)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    byte[] buffer = new byte[4096];
                    for (int i = 0; i < perThread; i++) {
                        InputStream in = FileMeters.input(account, Files.newInputStream(file));
                        while (in.read(buffer) >= 0) {
                            // read to the end
                        }
                        in.close();
                        in.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        IoCounters whileTenOpen = account.snapshot();
        assertEquals(threads * perThread + 10, whileTenOpen.fileOpens());
        assertEquals(10, whileTenOpen.openFiles());
        assertEquals(threads * perThread * 1024L, whileTenOpen.fileBytesRead());
        for (InputStream in : open) {   // two threads closing the same stream at once: counted closed once
            Thread other = new Thread(() -> {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            other.start();
            in.close();
            other.join();
        }
        assertEquals(new IoCounters(threads * perThread * 1024L, 0, threads * perThread + 10, 0, 0, 0, 0, 0), account.snapshot());
    }

    @Test
    public void readersAndWritersCountBytesNotChars() throws Exception {
        IoAccount account = new IoAccount();
        Path file = folder.newFile().toPath();
        String text = "grüße, 東京\n"; // 9 chars of 1 byte, 2 of 2 bytes, 2 of 3 bytes (UTF-8)
        try (Writer w = FileMeters.writer(account, Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            w.write(text);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        try (Reader r = FileMeters.reader(account, Files.newInputStream(file), StandardCharsets.UTF_8)) {
            assertEquals(text.strip(), new BufferedReader(r).readLine());
        }
        assertEquals(bytes, Files.size(file));
        assertEquals(bytes, account.snapshot().fileBytesWritten());
        assertEquals(bytes, account.snapshot().fileBytesRead());
    }

    @Test
    public void fileChannelCountsBuffersPositionalAndTransfers() throws Exception {
        IoAccount account = new IoAccount();
        Path file = folder.getRoot().toPath().resolve("channel.bin");
        Path copy = folder.getRoot().toPath().resolve("copy.bin");
        try (FileChannel ch = FileMeters.channel(account, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ))) {
            ch.write(ByteBuffer.allocate(TEN_MB));
            ch.write(ByteBuffer.allocate(100), TEN_MB);
            ch.write(new ByteBuffer[] {ByteBuffer.allocate(10), ByteBuffer.allocate(20)}, 0, 2);
            ByteBuffer in = ByteBuffer.allocate(TEN_MB);
            while (in.hasRemaining() && ch.read(in, in.position()) > 0) {
                // positional reads from 0
            }
            try (FileChannel target = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long sent = 0;
                while (sent < 1000) {
                    sent += ch.transferTo(sent, 1000 - sent, target);
                }
            }
        }
        IoCounters io = account.snapshot();
        assertEquals(TEN_MB + 100 + 30, io.fileBytesWritten());
        assertEquals(TEN_MB + 1000, io.fileBytesRead());
        assertEquals(1, io.fileOpens());
        assertEquals(0, io.openFiles());
        assertEquals(1000, Files.size(copy));
    }

    @Test
    public void jdkFileStreamSubclassesCountWritesReadsAndTheirChannels() throws Exception {
        IoAccount account = new IoAccount();
        java.io.File file = folder.getRoot().toPath().resolve("jdk.bin").toFile();
        byte[] data = new byte[TEN_MB];
        new Random(7).nextBytes(data);
        try (java.io.FileOutputStream out = FileMeters.newFileOutputStream(account, file, false)) {
            out.write(data, 0, 10);
            out.write(data[10]);
            out.write(java.util.Arrays.copyOfRange(data, 11, TEN_MB - 100));
            out.getChannel().write(ByteBuffer.wrap(data, TEN_MB - 100, 100));
        }
        assertEquals(TEN_MB, account.snapshot().fileBytesWritten());
        assertEquals(0, account.snapshot().openFiles());

        java.io.FileInputStream in = FileMeters.newFileInputStream(account, file);
        byte[] back = new byte[TEN_MB];
        back[0] = (byte) in.read();
        int off = 1;
        off += in.read(back, off, 1000);
        FileChannel ch = in.getChannel();
        ByteBuffer rest = ByteBuffer.wrap(back, off, TEN_MB - off);
        while (rest.hasRemaining() && ch.read(rest) > 0) {
            // read the rest through the stream's channel
        }
        ch.close(); // closes the stream too, as the JDK's channel does: counted closed once
        in.close();
        assertArrayEquals(data, back);
        assertEquals(new IoCounters(TEN_MB, TEN_MB, 2, 0, 0, 0, 0, 0), account.snapshot());
    }

    @Test
    public void aFileThatCannotBeOpenedIsNotCountedOpen() {
        IoAccount account = new IoAccount();
        java.io.File missing = folder.getRoot().toPath().resolve("no/such/dir/file").toFile();
        org.junit.Assert.assertThrows(java.io.FileNotFoundException.class, () -> FileMeters.newFileInputStream(account, missing));
        org.junit.Assert.assertThrows(java.io.FileNotFoundException.class, () -> FileMeters.newFileOutputStream(account, missing, true));
        assertEquals(IoCounters.ZERO, account.snapshot());
    }
}
