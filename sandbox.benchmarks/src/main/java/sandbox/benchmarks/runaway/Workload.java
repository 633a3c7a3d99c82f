package sandbox.benchmarks.runaway;

/** Compute-heavy plugin-like code, loaded twice: as compiled and woven by the runaway transform. */
public interface Workload {
    /** @param n the problem size @return a result the benchmark consumes, so nothing is dead code */
    long run(int n);
}
