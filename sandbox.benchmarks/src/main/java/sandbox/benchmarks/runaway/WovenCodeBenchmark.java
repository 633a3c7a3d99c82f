package sandbox.benchmarks.runaway;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the runaway weave on compute-heavy code: each workload is run as compiled ({@code plain}) and as
 * woven ({@code woven}, polls at back-edges and entries, signal lowered) side by side in the same JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WovenCodeBenchmark {
    private Workload loopsPlain;
    private Workload loopsWoven;
    private Workload callsPlain;
    private Workload callsWoven;
    private Workload recursionPlain;
    private Workload recursionWoven;

    @Setup
    public void load() throws ReflectiveOperationException {
        WeavingLoader plain = new WeavingLoader(null);
        WeavingLoader woven = new WeavingLoader("bench.plugin");
        loopsPlain = (Workload) plain.instance("Loops");
        loopsWoven = (Workload) woven.instance("Loops");
        callsPlain = (Workload) plain.instance("Calls");
        callsWoven = (Workload) woven.instance("Calls");
        recursionPlain = (Workload) plain.instance("Recursion");
        recursionWoven = (Workload) woven.instance("Recursion");
    }

    @Benchmark
    public long loopsPlain() {
        return loopsPlain.run(100);
    }

    @Benchmark
    public long loopsWoven() {
        return loopsWoven.run(100);
    }

    @Benchmark
    public long callsPlain() {
        return callsPlain.run(10_000);
    }

    @Benchmark
    public long callsWoven() {
        return callsWoven.run(10_000);
    }

    @Benchmark
    public long recursionPlain() {
        return recursionPlain.run(20);
    }

    @Benchmark
    public long recursionWoven() {
        return recursionWoven.run(20);
    }
}
