package sandbox.benchmarks.enforcement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import sandbox.core.runaway.RunawayTransform;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.ClassTransform;
import sandbox.core.weaving.GuardTransform;
import sandbox.core.weaving.SandboxWeavingHook;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.WeaveContext;
import sandbox.core.weaving.WeavingPipeline;

/**
 * Every class of a real library jar, woven the way {@code SandboxWeavingHook} weaves a plugin class: its own
 * pipeline ({@link SandboxWeavingHook#newPipeline()}: reflection step, guard step, runaway step), a
 * {@link ClassHierarchy} over the jar's own class files (the plugin's class space) shared by all its classes like
 * the hook shares one per bundle wiring. {@link Pipeline#GUARD_AND_RUNAWAY} is the pipeline without the reflection
 * step that the weaving benchmarks measured until session 2 (kept so that those figures stay comparable).
 */
final class WeaveCorpus {
    static final String LIBRARY = "commons-lang3";
    private static final String PLUGIN_ID = "bench.weave";
    private static final long BUNDLE_ID = 4242;

    /** Which pipeline weaves the corpus. */
    enum Pipeline {
        /** the weaving hook's own: reflection, guard, runaway */
        HOOK,
        /** guard and runaway only (the benchmarks' pipeline before session 2's reflection fix) */
        GUARD_AND_RUNAWAY;

        WeavingPipeline create() {
            return this == HOOK ? SandboxWeavingHook.newPipeline() : guardAndRunaway();
        }
    }

    final List<String> names = new ArrayList<>();
    final List<byte[]> classes = new ArrayList<>();
    private final Map<String, byte[]> byInternalName = new LinkedHashMap<>();
    private final WeavingPipeline pipeline;
    private ClassHierarchy hierarchy;

    WeaveCorpus() throws IOException {
        this(Pipeline.HOOK);
    }

    WeaveCorpus(Pipeline which) throws IOException {
        pipeline = which.create();
        Path jar = BenchFiles.bundle(LIBRARY);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    byte[] bytes = file.getInputStream(e).readAllBytes();
                    String internal = n.substring(0, n.length() - ".class".length());
                    byInternalName.put(internal, bytes);
                    names.add(internal.replace('/', '.'));
                    classes.add(bytes);
                }
            }
        }
        freshHierarchy();
    }

    /** The hook's pipeline without its first step, the reflection step. */
    private static WeavingPipeline guardAndRunaway() {
        RunawayTransform runaway = new RunawayTransform();
        List<ClassTransform> steps = new ArrayList<>();
        steps.add(new GuardTransform(SensitiveApiTable.INSTANCE));
        steps.add((next, ctx) -> {
            ctx.addDynamicImport(RunawayTransform.POLL_PACKAGE);
            return runaway.wrap(next, ctx.pluginId(), ctx.original());
        });
        return new WeavingPipeline(steps);
    }

    /** @return the pipeline every class is woven with */
    WeavingPipeline weaver() {
        return pipeline;
    }

    /** Forgets the class headers read so far: the next weaves read supertypes again, as for a new bundle. */
    void freshHierarchy() {
        // the plugin's class space: its own jar only, as before its dynamic imports are wired (the weaver reads
        // sandbox.core's classes, which its inserted calls name, through sandbox.core's own loader)
        hierarchy = new ClassHierarchy(byInternalName::get);
    }

    /** @return the woven bytes of class {@code i} */
    byte[] weave(int i) {
        return pipeline.weave(classes.get(i), new WeaveContext(names.get(i), BUNDLE_ID, PLUGIN_ID, hierarchy));
    }

    int size() {
        return classes.size();
    }

    /**
     * Weaves each class once in this JVM, with a fresh hierarchy: the cost a plugin pays when it is first loaded
     * into a container that has woven nothing yet (cold JIT, class headers read from the jar).
     *
     * @return microseconds per class, in corpus order; {@code NaN} for a class the weaver refused (reported on stderr)
     */
    double[] coldPassMicros() {
        freshHierarchy();
        double[] us = new double[size()];
        for (int i = 0; i < size(); i++) {
            long t0 = System.nanoTime();
            try {
                weave(i);
                us[i] = (System.nanoTime() - t0) / 1_000.0;
            } catch (WeavingPipeline.WeaveFailure e) {
                us[i] = Double.NaN;
                System.err.println("refused: " + e.getMessage());
            }
        }
        return us;
    }

    /** @return the times that are numbers (classes woven), sorted */
    static double[] sortedWoven(double[] us) {
        double[] result = Arrays.stream(us).filter(d -> !Double.isNaN(d)).toArray();
        Arrays.sort(result);
        return result;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
