package sandbox.benchmarks.runaway;

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
import org.openjdk.jmh.annotations.Warmup;
import sandbox.core.runaway.Budget;
import sandbox.core.runaway.Condemned;
import sandbox.core.runaway.PluginTerminatedError;

/**
 * The poll's share of the stop latency: from the decision (the thread is condemned) to the woven spinning code
 * having left the thread (join returns). The watchdog's share (up to one 10 ms interval) is measured by
 * {@link RunawayTrials}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StopLatencyBenchmark {
    private static final String PLUGIN = "bench.stop";
    private Runnable spinner;
    private Thread thread;

    @Setup(Level.Trial)
    public void load() throws ReflectiveOperationException {
        spinner = (Runnable) new WeavingLoader(PLUGIN).instance("Spinner");
    }

    @Setup(Level.Invocation)
    public void startSpinner() throws InterruptedException {
        thread = new Thread(() -> {
            try {
                spinner.run();
            } catch (PluginTerminatedError expected) {
                // stopped: the point of the benchmark
            }
        }, "bench-spinner");
        thread.start();
        while (thread.getState() != Thread.State.RUNNABLE) {
            Thread.onSpinWait();
        }
        Thread.sleep(1); // let it enter the loop
    }

    @Benchmark
    public void condemnToStopped() throws InterruptedException {
        Condemned.condemn(thread, new PluginTerminatedError(Budget.KILLED, PLUGIN, "benchmark"));
        thread.join();
    }
}
