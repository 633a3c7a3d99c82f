package sandbox.launcher;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * SIGTERM and SIGINT stop the framework cleanly and let the launcher exit 0. A plain shutdown hook
 * is not enough: the JVM exits with 128+signal after its hooks ran. The handlers are installed first
 * thing, so a signal during start-up also ends in a clean stop; a shutdown hook still covers the other
 * ways a JVM ends (SIGHUP, System.exit elsewhere), so bundles are always stopped.
 */
final class StopOnSignal {

    /** How long a stop may take before the process gives up on the bundles and exits anyway. */
    static final long STOP_TIMEOUT_SECONDS = 20;

    private final PrintStream out;
    private volatile boolean requested;
    private volatile Framework framework;

    private StopOnSignal(PrintStream out) {
        this.out = out;
    }

    static StopOnSignal install(PrintStream out) {
        StopOnSignal stop = new StopOnSignal(out);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.onSignal("SIG" + name));
            } catch (IllegalArgumentException e) {
                // this platform or JVM (-Xrs) does not let us handle it: the shutdown hook still stops the framework
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::stopAndWait, "sandbox-shutdown"));
        return stop;
    }

    /** From now on a signal stops this framework; if one came already, it is stopped now. */
    void attach(Framework started) {
        framework = started;
        if (requested) {
            stopFramework();
        }
    }

    /** A stop was asked for: a start that fails from here on failed because of it, and is no error. */
    boolean requested() {
        return requested;
    }

    private void onSignal(String signal) {
        out.println("Sandbox stopping (" + signal + ")");
        requested = true;
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(STOP_TIMEOUT_SECONDS);
                out.println("Sandbox did not stop within " + STOP_TIMEOUT_SECONDS + " s; exiting anyway");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        if (framework == null) {
            System.exit(0); // nothing started yet
        }
        stopFramework();
    }

    private void stopFramework() {
        try {
            framework.stop(); // asynchronous: the launcher's main thread waits for it and exits
        } catch (BundleException | IllegalStateException e) {
            out.println("Sandbox could not stop the framework: " + e.getMessage());
        }
    }

    private void stopAndWait() {
        Framework current = framework;
        if (current == null) {
            return;
        }
        try {
            current.stop();
            current.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            // the JVM is ending: nothing more to do
        }
    }
}
