package bench.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/** One measured operation: {@code Files.newInputStream} on a small file, read it to the end, close it. */
final class ReadSmallFile implements LongSupplier {
    private final Path file;
    private final byte[] buffer = new byte[4096];

    ReadSmallFile(Path file) {
        this.file = file;
    }

    /** @return the number of bytes read, so the work cannot be optimised away */
    @Override
    public long getAsLong() {
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
