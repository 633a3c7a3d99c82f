package sandbox.launcher;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * SIGTERM and SIGINT stop the framework cleanly and let the launcher exit 0. A plain shutdown hook
 * is not enough: the JVM exits with 128+signal after its hooks ran. The hook is still registered for
 * the other ways a JVM ends (SIGHUP, System.exit elsewhere), so bundles are always stopped.
 */
final class StopOnSignal {

    /** How long a stop may take before the process gives up on the bundles and exits anyway. */
    static final long STOP_TIMEOUT_SECONDS = 20;

    private StopOnSignal() {
    }

    static void install(Framework framework, PrintStream out) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop(framework, out, "SIG" + name));
            } catch (IllegalArgumentException e) {
                // this platform or JVM (-Xrs) does not let us handle it: the shutdown hook still stops the framework
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndWait(framework), "sandbox-shutdown"));
    }

    private static void stop(Framework framework, PrintStream out, String signal) {
        out.println("Sandbox stopping (" + signal + ")");
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
        try {
            framework.stop(); // asynchronous: the launcher's main thread waits for it and exits
        } catch (BundleException | IllegalStateException e) {
            out.println("Sandbox could not stop the framework: " + e.getMessage());
        }
    }

    private static void stopAndWait(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            // the JVM is ending: nothing more to do
        }
    }
}
