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
 * plugin installed once the warm-up is done; without it, that of a plugin installed at once. The pipeline is the
 * weaving hook's own ({@link WeaveCorpus.Pipeline#HOOK}); a third column gives the pipeline without the reflection
 * step ({@link WeaveCorpus.Pipeline#GUARD_AND_RUNAWAY}), which is what this pass measured until session 2.
 *
 * <p>Run alone: {@code java -cp sandbox.benchmarks/target/benchmarks.jar sandbox.benchmarks.enforcement.WeavingColdPass
 * [passes]} prints the three, pass by pass, and the median of the passes' medians. {@link EnforcementReport} uses it
 * too. {@code ... WeavingColdPass --child [--warm-up] [HOOK|GUARD_AND_RUNAWAY]} is one pass in this JVM: one line of
 * microseconds per class in the jar's order, {@code NaN} for a class the weaver refused.
 */
public final class WeavingColdPass {
    private static final String CHILD = "--child";
    private static final String WARM_UP = "--warm-up";

    private WeavingColdPass() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            List<String> rest = List.of(args).subList(1, args.length);
            WeaveCorpus.Pipeline pipeline = rest.contains(WeaveCorpus.Pipeline.GUARD_AND_RUNAWAY.name())
                    ? WeaveCorpus.Pipeline.GUARD_AND_RUNAWAY : WeaveCorpus.Pipeline.HOOK;
            child(rest.contains(WARM_UP), pipeline);
            return;
        }
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] cold = new double[passes];
        double[] warmed = new double[passes];
        double[] guardAndRunaway = new double[passes];
        for (int i = 0; i < passes; i++) {   // interleaved, so all see the same machine load
            cold[i] = WeaveCorpus.percentile(inFreshJvm(false), 50);
            warmed[i] = WeaveCorpus.percentile(inFreshJvm(true), 50);
            guardAndRunaway[i] = WeaveCorpus.percentile(inFreshJvm(false, WeaveCorpus.Pipeline.GUARD_AND_RUNAWAY), 50);
            System.out.printf(Locale.ROOT, "pass %d: hook's pipeline cold median %.1f µs, after warm-up %.1f µs;"
                    + " guard + runaway only, cold %.1f µs%n", i + 1, cold[i], warmed[i], guardAndRunaway[i]);
        }
        Arrays.sort(cold);
        Arrays.sort(warmed);
        Arrays.sort(guardAndRunaway);
        System.out.printf(Locale.ROOT, "median of %d passes: hook's pipeline cold %.1f µs, after warm-up %.1f µs;"
                + " guard + runaway only, cold %.1f µs (per class, %s)%n", passes, cold[passes / 2], warmed[passes / 2],
                guardAndRunaway[passes / 2], WeaveCorpus.LIBRARY);
    }

    /**
     * @param warmUp true to run the core's warm-up before the pass
     * @return microseconds per class with the hook's pipeline, sorted (refused classes left out)
     */
    static double[] inFreshJvm(boolean warmUp) throws IOException, InterruptedException {
        return inFreshJvm(warmUp, WeaveCorpus.Pipeline.HOOK);
    }

    /**
     * @param warmUp true to run the core's warm-up (on {@code pipeline}) before the pass
     * @param pipeline the pipeline to weave with
     * @return microseconds per class, sorted (refused classes left out)
     */
    static double[] inFreshJvm(boolean warmUp, WeaveCorpus.Pipeline pipeline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), WeavingColdPass.class.getName(), CHILD,
                pipeline.name()));
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
        return WeaveCorpus.sortedWoven(Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
    }

    private static void child(boolean warmUp, WeaveCorpus.Pipeline pipeline) throws IOException {
        WeaveCorpus corpus = new WeaveCorpus(pipeline);
        if (warmUp) {
            WeaverWarmUp.runNow(corpus.weaver());
        }
        StringBuilder out = new StringBuilder();
        for (double us : corpus.coldPassMicros()) {
            out.append(Double.isNaN(us) ? "NaN " : String.format(Locale.ROOT, "%.2f ", us));
        }
        System.out.println(out);
    }
}
