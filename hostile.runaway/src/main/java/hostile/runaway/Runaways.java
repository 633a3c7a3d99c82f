package hostile.runaway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The runaway shapes of issue 4 and the escape catalogue's group F, as a plugin would write them. */
final class Runaways {
    /** An interned literal: the JVM shares it with every bundle, the host included (catalogue F6). */
    static final String SHARED_LOCK = "hostile.runaway.shared-lock";
    static volatile long sink;

    private Runaways() {
    }

    static void spin() {
        while (true) {
            sink++;
        }
    }

    static void swallowThrowable() {
        while (true) {
            try {
                spin();
            } catch (Throwable t) {
                Thread.interrupted(); // and clear an interrupt used as a cancellation request (catalogue F2)
            }
        }
    }

    static void loopInFinally() {
        try {
            spin();
        } finally {
            while (true) {
                sink++;
            }
        }
    }

    static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    static int recurseCatchingOverflow(int n) {
        try {
            return recurseCatchingOverflow(n + 1) + 1;
        } catch (StackOverflowError e) {
            return recurseCatchingOverflow(n + 1);
        }
    }

    static void threadBomb() {
        while (true) {
            try {
                startThread("hostile-bomb", Runaways::sleepIgnoringInterrupts);
            } catch (RuntimeException denied) {
                sink++; // a denial is just an exception: keep trying
            }
        }
    }

    static void sleepIgnoringInterrupts() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                sink++;
            }
        }
    }

    static void allocate(int chunk) {
        List<long[]> held = new ArrayList<>();
        while (true) {
            held.add(new long[chunk]);
        }
    }

    static void startThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    /** A plugin thread takes the shared monitor and spins holding it; returns once it holds it. */
    static void holdSharedMonitor() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        startThread("hostile-monitor-holder", () -> {
            synchronized (SHARED_LOCK) {
                holding.countDown();
                spin();
            }
        });
        holding.await();
    }
}
