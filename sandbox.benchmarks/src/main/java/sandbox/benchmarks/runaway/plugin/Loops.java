package sandbox.benchmarks.runaway.plugin;

import sandbox.benchmarks.runaway.Workload;

/** Nested counted loops over an array: back-edge polls on a hot inner loop. */
public final class Loops implements Workload {
    private final int[] data = new int[1024];

    public Loops() {
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 31 + 7;
        }
    }

    @Override
    public long run(int n) {
        long sum = 0;
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < data.length; i++) {
                sum += data[i] ^ r;
            }
        }
        return sum;
    }
}
