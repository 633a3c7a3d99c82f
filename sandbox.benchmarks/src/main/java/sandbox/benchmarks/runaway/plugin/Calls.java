package sandbox.benchmarks.runaway.plugin;

import sandbox.benchmarks.runaway.Workload;

/** Many small non-leaf calls, each with an entry poll, through a loop. */
public final class Calls implements Workload {
    private long state = 1;

    @Override
    public long run(int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += step(i);
        }
        return acc;
    }

    private long step(int i) {
        return mix(i) + mix(i >>> 1);
    }

    private long mix(int i) {
        state = state * 6364136223846793005L + i;
        return hash(state);
    }

    private static long hash(long v) {
        return next(v ^ (v >>> 29));
    }

    private static long next(long v) {
        return v * 0x9E3779B97F4A7C15L;
    }
}
