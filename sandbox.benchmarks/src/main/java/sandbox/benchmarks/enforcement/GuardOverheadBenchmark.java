package sandbox.benchmarks.enforcement;

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

/**
 * Issue 3: the same bench.plugin code in real Felix, called trusted (unwoven) and as a plugin (woven: guard check,
 * policy decision from the per-handle cache, metered stream, runaway polls). No SecurityManager. One framework
 * per fork holds both copies, so each pair runs under the same conditions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xmx512m", "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuardOverheadBenchmark {
    private SandboxContainer container;

    @Setup(Level.Trial)
    public void start() throws Exception {
        container = new SandboxContainer();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        container.close();
    }

    @Benchmark
    public long fileReadTrusted() {
        return container.fileTrusted.getAsLong();
    }

    @Benchmark
    public long fileReadPlugin() {
        return container.filePlugin.getAsLong();
    }

    @Benchmark
    public long socketConnectTrusted() {
        return container.socketTrusted.getAsLong();
    }

    @Benchmark
    public long socketConnectPlugin() {
        return container.socketPlugin.getAsLong();
    }
}
