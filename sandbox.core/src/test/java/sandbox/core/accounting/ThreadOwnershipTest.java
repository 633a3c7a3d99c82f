package sandbox.core.accounting;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class ThreadOwnershipTest {

    @Test
    public void aPluginsGroupNeverNestsInAnotherPluginsGroup() throws InterruptedException {
        ThreadOwnership ownership = new ThreadOwnership();
        ThreadGroup a = ownership.groupOf("a");
        AtomicReference<ThreadGroup> b = new AtomicReference<>();
        Thread asker = new Thread(a, () -> b.set(ownership.groupOf("b")));
        asker.start();
        asker.join();
        assertNull(b.get().getParent().getParent());

        CountDownLatch release = new CountDownLatch(1);
        Thread inB = new Thread(b.get(), () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        inB.start();
        try {
            assertEquals(Optional.of("b"), ownership.ownerOf(inB));
            assertFalse(ownership.liveThreads("a").contains(inB));
        } finally {
            release.countDown();
            inB.join();
        }
    }
}
