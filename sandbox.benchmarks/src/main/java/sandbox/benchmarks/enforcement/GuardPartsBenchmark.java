package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import sandbox.api.IsolationConfig;
import sandbox.api.PluginPermissions;
import sandbox.core.accounting.IoAccount;
import sandbox.core.guard.Guard;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.SensitiveApiTable;

/**
 * Issue 3 taken apart, without Felix: bench.plugin's file read ({@code Files.newInputStream} on 1 KiB, read to
 * the end, close) written out the way the weaver rewrites it (copyOptions, checkOpen, the call, result), with a
 * real {@link PolicyHandle} (STANDARD, the file in its data folder) and a real {@link IoAccount}. {@code plain} is
 * the unwoven code, {@code checked} adds only the guard's check, {@code metered} only the metering wrapper,
 * {@code guarded} both (what a woven plugin runs, less the runaway polls, which compile to nothing). Not part of
 * {@link EnforcementReport}; run with {@code -prof gc} to see the bytes each part allocates:
 * {@code java -jar sandbox.benchmarks/target/benchmarks.jar GuardPartsBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuardPartsBenchmark {
    private static final OpenOption[] NO_OPTIONS = {};

    private final byte[] buffer = new byte[4096];
    private Path folder;
    private Path file;
    private Object handle;
    private int row;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("sandbox-guard-parts-");
        file = Files.write(folder.resolve("small.txt"), new byte[SandboxContainer.SmallFile.SIZE]);
        handle = new PolicyHandle("bench.parts", "1.0.0", 4243, new IoAccount(), IsolationConfig.DEFAULTS,
                PluginPermissions.NONE, folder);
        row = SensitiveApiTable.INSTANCE.match("java/nio/file/Files", "newInputStream",
                "(Ljava/nio/file/Path;[Ljava/nio/file/OpenOption;)Ljava/io/InputStream;").get(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.delete(file);
        Files.delete(folder);
    }

    @Benchmark
    public long plain() throws IOException {
        return readToEnd(Files.newInputStream(file, NO_OPTIONS.clone()));
    }

    @Benchmark
    public long checked() throws IOException {
        Object options = Guard.copyOptions(NO_OPTIONS.clone());
        Path checked = (Path) Guard.checkOpen(file, options, handle, row);
        return readToEnd(Files.newInputStream(checked, (OpenOption[]) options));
    }

    @Benchmark
    public long metered() throws IOException {
        return readToEnd((InputStream) Guard.result(Files.newInputStream(file, NO_OPTIONS.clone()), null, handle, row));
    }

    @Benchmark
    public long guarded() throws IOException {
        Object options = Guard.copyOptions(NO_OPTIONS.clone());
        Path checked = (Path) Guard.checkOpen(file, options, handle, row);
        return readToEnd((InputStream) Guard.result(Files.newInputStream(checked, (OpenOption[]) options), null, handle, row));
    }

    private long readToEnd(InputStream stream) throws IOException {
        long total = 0;
        try (InputStream in = stream) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        return total;
    }
}
