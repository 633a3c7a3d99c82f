package sandbox.benchmarks.sink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SinkLayerBenchmark} without and with the JDK sink agent, fork by fork alternating (so load on a shared
 * machine hits both alike), and prints each operation's two means and their ratio.
 * {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.sink.SinkReport [rounds]}
 */
public final class SinkReport {
    /** System property telling a fork whether it must run with the agent (a wrong set-up fails, not mismeasures). */
    static final String EXPECT_AGENT = "sandbox.bench.expectAgent";

    private SinkReport() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path agent = Path.of("sandbox.agent", "target", "sandbox.agent.jar").toAbsolutePath();
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(agent + " is missing: run from the repository root after `mvn install -pl sandbox.agent`");
        }
        Map<String, List<Double>> off = new TreeMap<>();
        Map<String, List<Double>> on = new TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            collect(run(null), off);
            collect(run(agent), on);
        }
        System.out.printf("%n%-16s %12s %12s %8s%n", "operation", "no agent us", "agent us", "ratio");
        for (String op : off.keySet()) {
            double a = mean(off.get(op));
            double b = mean(on.get(op));
            System.out.printf("%-16s %12.3f %12.3f %8.3f%n", op, a, b, b / a);
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static Collection<RunResult> run(Path agent) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-D" + EXPECT_AGENT + "=" + (agent != null)));
        if (agent != null) {
            jvm.add("-javaagent:" + agent);
        }
        if (Runtime.version().feature() >= 24) {
            jvm.add("--sun-misc-unsafe-memory-access=allow");
        }
        Options o = new OptionsBuilder().include(SinkLayerBenchmark.class.getName()).forks(1)
                .jvmArgsAppend(jvm.toArray(new String[0])).build();
        return new Runner(o).run();
    }

    private static void collect(Collection<RunResult> results, Map<String, List<Double>> into) {
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.') + 1);
            into.computeIfAbsent(label, k -> new ArrayList<>()).add(r.getPrimaryResult().getScore());
        }
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
