package sandbox.core.runaway;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.AsynchronousSocketChannel;

/**
 * Starts the JVM-wide JDK thread pools that would otherwise start in the thread group of whoever needs them first.
 *
 * <p>On JDK 17 the default {@code AsynchronousChannelGroup} (behind every {@code AsynchronousSocketChannel.open()}
 * and {@code AsynchronousServerSocketChannel.open()} without a group) is created lazily, and its threads (one epoll
 * thread and one pool thread per processor, made with a plain {@code new Thread(r)}) join the thread group of the
 * thread that opened the first channel, and live as long as the JVM. When that thread is a plugin's, the threads are
 * the plugin's for good ({@code ThreadOwnership} goes by thread group): they count against its live-thread quota
 * (three threads: at STRICT, quota 2, every later thread start is over it), its stop reports them as residue, and
 * the sink charges the JDK-only stacks they run for every caller in the JVM to that plugin. Starting the pool here,
 * on a thread of the root group, makes it the host's. JDK 25 starts these threads as innocuous system threads
 * already; opening a channel there is harmless.
 */
final class SharedJdkPools {
    private static final System.Logger LOG = System.getLogger(SharedJdkPools.class.getName());

    private SharedJdkPools() {
    }

    /**
     * Starts the pools from a thread of the JVM's root thread group, whatever group the caller is in, and waits for
     * it (bounded: opening a channel takes milliseconds; core start must not hang on it).
     */
    static void startOutsidePlugins() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread starter = new Thread(root, SharedJdkPools::startDefaultChannelGroup, "sandbox-jdk-pools");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void startDefaultChannelGroup() {
        // opening a channel without a group creates the default group; the channel itself is not needed
        try (AsynchronousSocketChannel unused = AsynchronousSocketChannel.open()) {
            LOG.log(Level.DEBUG, "default asynchronous channel group started outside the plugins' thread groups");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not start the default asynchronous channel group at core start ({0}): the "
                    + "first plugin to open an asynchronous socket channel will own its threads", e.toString());
        }
    }
}
