package sandbox.benchmarks.enforcement;

import java.util.concurrent.TimeUnit;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
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
 * Issue 3: time to weave one class of a real library (commons-lang3, every class in turn, round robin), warm JIT
 * and warm class-header cache. Sample mode: each sample is one class, so JMH's p0.50 and p0.90 are the median and
 * 90th percentile per class over the library. {@link EnforcementReport} adds the cold first pass.
 *
 * <p>{@link #weaveOneClass} uses the weaving hook's own pipeline (reflection, guard and runaway steps);
 * {@link #weaveOneClassGuardAndRunaway} the pipeline without the reflection step, which is what
 * {@code weaveOneClass} measured until session 2 (docs/benchmarks.md): earlier figures compare with that one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WeavingTimeBenchmark {
    private WeaveCorpus hook;
    private WeaveCorpus guardAndRunaway;
    private int next;

    @Setup
    public void load() throws Exception {
        hook = new WeaveCorpus(WeaveCorpus.Pipeline.HOOK);
        guardAndRunaway = new WeaveCorpus(WeaveCorpus.Pipeline.GUARD_AND_RUNAWAY);
        for (int i = 0; i < hook.size(); i++) {
            hook.weave(i);   // fails here, not in the measurement, if a class of the library is refused
            guardAndRunaway.weave(i);
        }
    }

    /** The weaving hook's pipeline, as a plugin's class is woven. */
    @Benchmark
    public byte[] weaveOneClass() {
        return hook.weave(nextIndex());
    }

    /** The pipeline without the reflection step (the figure {@code weaveOneClass} gave until session 2). */
    @Benchmark
    public byte[] weaveOneClassGuardAndRunaway() {
        return guardAndRunaway.weave(nextIndex());
    }

    /** Reference point: the least any ASM rewriter does (parse, rebuild, compute max stack), no transform. */
    @Benchmark
    public byte[] asmCopyOneClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        new ClassReader(hook.classes.get(nextIndex())).accept(writer, 0);
        return writer.toByteArray();
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == hook.size() ? 0 : i + 1;
        return i;
    }
}
