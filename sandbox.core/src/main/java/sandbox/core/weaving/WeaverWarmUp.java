package sandbox.core.weaving;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the weaving pipeline over a few JDK classes in a background thread when the core starts, so that the JIT has
 * compiled the weaver (and the JDK class headers it resolves are cached) before the first plugin's classes arrive.
 * Woven cold, a class costs several times what it costs once the weaver is compiled (docs/benchmarks.md).
 *
 * <p>This is in addition to the weaver's own economy, not a substitute: a plugin installed while the warm-up still
 * runs pays the cold cost. The output is thrown away, nothing is defined, no plugin state is touched; a class the
 * pipeline refuses (JDK classes name {@code jdk.internal}, which plugins may not) is simply dropped from the set.
 * The thread is a daemon of minimum priority and stops early when the core stops. Framework property
 * {@value #PROPERTY}{@code =false} turns it off.
 */
public final class WeaverWarmUp implements Runnable {
    /** Framework property: {@code false} disables the warm-up. */
    public static final String PROPERTY = "sandbox.weaving.warmup";
    /** JDK classes the whole pipeline accepts on JDK 17 and 25: plain and guarded calls, lambdas, loops, handlers. */
    static final List<String> CLASSES = List.of("java/util/LinkedList", "java/util/AbstractList",
            "java/util/AbstractMap", "java/util/Optional", "java/util/StringTokenizer", "java/util/Formatter",
            "java/io/BufferedReader", "java/io/StringReader", "java/util/Base64", "java/util/Stack",
            "java/util/concurrent/Executors");
    /** About 660 weaves: past the JIT's first-tier thresholds for the weaver's per-class code, far past them
     *  for its per-instruction code; a fraction of a second of one core. */
    static final int ROUNDS = 60;

    private final WeavingPipeline pipeline;
    private volatile boolean stopped;

    private WeaverWarmUp(WeavingPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * @param pipeline the pipeline the weaving hook uses
     * @return the running warm-up, to {@link #stop()} when the core stops
     */
    static WeaverWarmUp startInBackground(WeavingPipeline pipeline) {
        WeaverWarmUp warmUp = new WeaverWarmUp(pipeline);
        Thread thread = new Thread(warmUp, "sandbox-weaver-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return warmUp;
    }

    /**
     * Runs the warm-up in the calling thread (benchmarks measure the weaver after it).
     *
     * @param pipeline the pipeline to warm
     * @return how many classes were woven
     */
    public static int runNow(WeavingPipeline pipeline) {
        return new WeaverWarmUp(pipeline).warm();
    }

    /** Ends the warm-up after the class being woven. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        warm();
    }

    private int warm() {
        ClassHierarchy jdkOnly = new ClassHierarchy(name -> null);
        List<String> names = new ArrayList<>();
        List<byte[]> classes = new ArrayList<>();
        for (String name : CLASSES) {
            try {
                byte[] bytes = ClassBytes.JDK.read(name);
                if (bytes != null) {
                    names.add(name.replace('/', '.'));
                    classes.add(bytes);
                }
            } catch (IOException e) {
                // not on this JDK: warm with the others
            }
        }
        int woven = 0;
        for (int round = 0; round < ROUNDS && !stopped && !classes.isEmpty(); round++) {
            for (int i = classes.size() - 1; i >= 0 && !stopped; i--) {
                try {
                    pipeline.weave(classes.get(i), new WeaveContext(names.get(i), -1, "sandbox.warm-up", jdkOnly));
                    woven++;
                } catch (WeavingPipeline.WeaveFailure e) {
                    names.remove(i);   // refused on this JDK: not worth refusing again
                    classes.remove(i);
                }
            }
        }
        return woven;
    }
}
