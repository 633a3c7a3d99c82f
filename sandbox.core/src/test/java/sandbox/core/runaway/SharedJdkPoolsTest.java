package sandbox.core.runaway;

import static org.junit.Assert.assertEquals;

import java.nio.channels.AsynchronousSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The JDK's default asynchronous channel group must not become a plugin's: ThreadOwnership goes by thread group, and
 * on JDK 17 the group's three lifelong threads join the group of whoever opened the first channel (HostileCorpusIT's
 * A10.asyncSocketConnect left them in hostile.corpus, so at STRICT any JDK thread more was "live threads 4 over the
 * budget of 2"). Without {@link SharedJdkPools#startOutsidePlugins} this fails on JDK 17 in a JVM where no one opened
 * an asynchronous channel before (JDK 25 never puts these threads in the caller's group).
 */
public class SharedJdkPoolsTest {

    @Test
    public void aPluginOpeningTheFirstAsynchronousChannelGetsNoPoolThreads() throws Exception {
        SharedJdkPools.startOutsidePlugins();
        ThreadGroup plugin = new ThreadGroup("sandbox-plugin:like-a-plugin");
        Throwable[] failure = new Throwable[1];
        Thread opener = new Thread(plugin, () -> {
            try (AsynchronousSocketChannel ch = AsynchronousSocketChannel.open()) {
                ch.isOpen();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "opener");
        opener.start();
        opener.join();
        assertEquals("opening the channel failed", null, failure[0]);
        // the pool's threads are started inside open(): had they joined the plugin's group, they would be alive now
        Thread[] members = new Thread[plugin.activeCount() + 16];
        int n = plugin.enumerate(members, true);
        List<String> left = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (members[i] != opener) {
                left.add(members[i].getName() + " " + List.of(members[i].getStackTrace()));
            }
        }
        assertEquals("JDK threads left in the opener's thread group", List.of(), left);
    }
}
