package sandbox.benchmarks.runaway.plugin;

import java.util.ArrayList;
import java.util.List;

/** Keeps allocating 8 KB arrays and holding them until the poll stops it. */
public final class AllocationBomb implements Runnable {
    @Override
    public void run() {
        List<long[]> held = new ArrayList<>();
        while (true) {
            held.add(new long[1024]);
        }
    }
}
