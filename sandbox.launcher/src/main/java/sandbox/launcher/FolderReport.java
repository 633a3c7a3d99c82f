package sandbox.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * A console report about a watched folder that FileInstall would otherwise keep silent about: looks at the folder
 * once a second on a daemon thread for as long as the framework runs. Subclasses say what to look for.
 */
abstract class FolderReport implements Runnable {

    private static final long POLL_MILLIS = 1000;

    private final Framework framework;

    FolderReport(Framework framework) {
        this.framework = framework;
    }

    /** Starts this report on a daemon thread that ends with the framework. */
    final void start(String threadName) {
        Thread thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public final void run() {
        try {
            while ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                scan();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One look at the folder; reports what it finds, each finding once. */
    abstract void scan();
}
