package sandbox.benchmarks.enforcement;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3: the same bench.plugin calls in Felix under the SecurityManager with Conditional Permission Admin
 * ({@code securityManager=on}) and in the same Felix without it ({@code off}, the matched baseline). JDK 17 only:
 * on JDK 24+ the SecurityManager cannot be enabled; {@link EnforcementReport} then runs {@code off} alone and says
 * so. Felix adds its security extension to the application class loader, which needs the {@code --add-opens}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xmx512m", "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SecurityManagerBenchmark {
    @Param({"on", "off"})
    public String securityManager;

    private SecurityManagerContainer container;

    @Setup(Level.Trial)
    public void start() throws Exception {
        container = new SecurityManagerContainer("on".equals(securityManager));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        container.close();
    }

    @Benchmark
    public long fileRead() {
        return container.file.getAsLong();
    }

    @Benchmark
    public long socketConnect() {
        return container.socket.getAsLong();
    }
}
