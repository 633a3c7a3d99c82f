package sandbox.benchmarks.sink;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import sandbox.benchmarks.enforcement.SandboxContainer;

/**
 * The JDK sink layer's cost on calls it lets through: the enforcement benchmark's container (Felix, sandbox.core,
 * bench.plugin installed trusted and as a woven plugin) doing a small-file read ({@code Files.newInputStream} + read)
 * and a loopback connect. {@link SinkReport} runs it in forks without and with {@code -javaagent:sandbox.agent.jar}
 * (sandbox.core then installs the checker: every sink call walks the stack to the first non-JDK frame), so the two
 * columns differ by the agent only. Forks are set by the report, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SinkLayerBenchmark {
    private SandboxContainer container;

    @Setup(Level.Trial)
    public void start() throws Exception {
        container = new SandboxContainer();
        String sinks = System.getProperty("sandbox.agent.sinks");
        if (Boolean.getBoolean(SinkReport.EXPECT_AGENT) != (sinks != null)) {
            throw new IllegalStateException("benchmark set-up is wrong: agent expected " + Boolean.getBoolean(SinkReport.EXPECT_AGENT)
                    + ", instrumented sinks " + sinks);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        container.close();
    }

    /** Host code (a trusted bundle): the sink's walk stops at its frame. */
    @Benchmark
    public long fileReadHost() {
        return container.fileTrusted.getAsLong();
    }

    /** A plugin's guarded read: guard decision, then the sink's walk stops at the guard's (trusted) frame. */
    @Benchmark
    public long fileReadPlugin() {
        return container.filePlugin.getAsLong();
    }

    @Benchmark
    public long connectHost() {
        return container.socketTrusted.getAsLong();
    }

    @Benchmark
    public long connectPlugin() {
        return container.socketPlugin.getAsLong();
    }
}
