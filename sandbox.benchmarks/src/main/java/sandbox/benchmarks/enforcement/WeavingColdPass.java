package sandbox.benchmarks.enforcement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sandbox.core.weaving.WeaverWarmUp;

/**
 * The cold weaving figure: each class of the library woven once, in a JVM that has woven nothing before (cold JIT,
 * no class header cached), each pass in a fresh JVM of its own. With {@code --warm-up} the JVM first runs
 * {@link WeaverWarmUp} to the end, as the core does in the background when it starts, so the figure is that of a
 * plugin installed once the warm-up is done; without it, that of a plugin installed at once.
 *
 * <p>Run alone: {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.enforcement.WeavingColdPass
 * [passes]} prints both, pass by pass, and the median of the passes' medians. {@link EnforcementReport} uses it too.
 */
public final class WeavingColdPass {
    private static final String CHILD = "--child";
    private static final String WARM_UP = "--warm-up";

    private WeavingColdPass() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args.length > 1 && args[1].equals(WARM_UP));
            return;
        }
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] cold = new double[passes];
        double[] warmed = new double[passes];
        for (int i = 0; i < passes; i++) {   // interleaved, so both see the same machine load
            cold[i] = WeaveCorpus.percentile(inFreshJvm(false), 50);
            warmed[i] = WeaveCorpus.percentile(inFreshJvm(true), 50);
            System.out.printf(Locale.ROOT, "pass %d: cold median %.1f µs, after warm-up %.1f µs%n", i + 1, cold[i], warmed[i]);
        }
        Arrays.sort(cold);
        Arrays.sort(warmed);
        System.out.printf(Locale.ROOT, "median of %d passes: cold %.1f µs, after warm-up %.1f µs (per class, %s)%n",
                passes, cold[passes / 2], warmed[passes / 2], WeaveCorpus.LIBRARY);
    }

    /**
     * @param warmUp true to run the core's warm-up before the pass
     * @return microseconds per class, sorted
     */
    static double[] inFreshJvm(boolean warmUp) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), WeavingColdPass.class.getName(), CHILD));
        if (warmUp) {
            command.add(WARM_UP);
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (process.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the cold weaving pass failed (exit " + process.exitValue() + ")");
        }
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void child(boolean warmUp) throws IOException {
        WeaveCorpus corpus = new WeaveCorpus();
        if (warmUp) {
            WeaverWarmUp.runNow(corpus.weaver());
        }
        StringBuilder out = new StringBuilder();
        for (double us : corpus.coldPassMicros()) {
            out.append(String.format(Locale.ROOT, "%.2f ", us));
        }
        System.out.println(out);
    }
}
