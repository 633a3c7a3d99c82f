package sandbox.core.runaway.samples;

import java.util.ArrayList;
import java.util.List;

/** Resource bombs for the watchdog tests. */
public final class Bombs {
    public static final List<long[]> HELD = new ArrayList<>();
    public static volatile int started;

    private Bombs() {
    }

    public static void allocate() {
        while (true) {
            HELD.add(new long[1024]); // 8 KB a step, held: the allocation budget must stop it
        }
    }

    public static void threads() {
        while (true) {
            new Thread(Bombs::sleepForever).start();
            started++;
        }
    }

    public static void sleepForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // ignored on purpose: only the poll can end this thread
            }
        }
    }

    public static void busyBackground() {
        new Thread(Runaways::spin, "unjoined-spinner").start();
    }
}
