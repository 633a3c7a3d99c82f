package sandbox.benchmarks.runaway.plugin;

/** A runaway: spins until the poll stops it. */
public final class Spinner implements Runnable {
    public static volatile long spins;

    @Override
    public void run() {
        long local = 0;
        while (true) {
            local++;
            if ((local & 0xFFFF) == 0) {
                spins = local;
            }
        }
    }
}
