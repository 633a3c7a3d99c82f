package sandbox.core.runaway.samples;

/**
 * Plugin-like code the unit tests weave and run in a class loader of their own. Each method that never ends on its
 * own must end with the termination error once its thread is condemned. The static counters let the tests see
 * that the code really ran (and where).
 */
public final class Runaways {
    public static volatile long spins;
    public static volatile int finallyEntered;
    public static volatile int handlerBodies;
    public static volatile int depth;

    private Runaways() {
    }

    public static void spin() {
        while (true) {
            spins++;
        }
    }

    public static void emptyLoop() {
        for (;;) { }
    }

    public static void swallowThrowable() {
        while (true) {
            try {
                spins++;
                if (spins < 0) {
                    throw new IllegalStateException();
                }
            } catch (Throwable t) {
                handlerBodies++;
            }
        }
    }

    public static void swallowError() {
        for (;;) {
            try {
                spin();
            } catch (Error e) {
                handlerBodies++;
            }
        }
    }

    public static void loopInFinally() {
        try {
            spin();
        } finally {
            finallyEntered++;
            while (true) {
                spins++;
            }
        }
    }

    @SuppressWarnings("finally")
    public static int returnFromFinally() {
        try {
            spin();
        } finally {
            finallyEntered++;
            return 1; // swallows whatever spin threw: the caller's next poll must stop the thread again
        }
    }

    public static void callsSwallower() {
        while (true) {
            returnFromFinally();
        }
    }

    public static int recurse(int n) {
        depth = n;
        return recurse(n + 1) + 1;
    }

    public static int recurseCatchingOverflow(int n) {
        try {
            return recurseCatchingOverflow(n + 1) + 1;
        } catch (StackOverflowError e) {
            handlerBodies++;
            return recurseCatchingOverflow(n + 1); // the catalogue's F2/F5 shape: keep going after the overflow
        }
    }

    public static void sleepIgnoringInterrupts() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                handlerBodies++;
            }
        }
    }

    public static void holdMonitor(Object lock, Runnable holding) {
        synchronized (lock) {
            holding.run();
            while (true) {
                spins++;
            }
        }
    }
}
