package sandbox.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static sandbox.monitor.Work.assertWithin;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.After;
import org.junit.Test;
import sandbox.api.ResourceUsage;
import sandbox.core.accounting.OwnedTasks;
import sandbox.core.accounting.PluginAccounts;

/**
 * The sampler against the core's real ledger, real threads and the real ThreadMXBean: known CPU and allocation
 * done by a plugin's threads, pools and pool tasks are attributed to it.
 */
public class SamplerTest {
    private final PluginAccounts accounts = new PluginAccounts();
    private final OwnedTasks tasks = accounts.ownedTasks();
    private final Sampler sampler = new Sampler(accounts, new MxThreadReadings(), Clock.systemUTC());
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @After
    public void stop() {
        background.shutdownNow();
    }

    @Test
    public void cpuOfAPluginsOwnThreadIsKeptAfterTheThreadEnds() throws Exception {
        AtomicLong burned = new AtomicLong();
        CountDownLatch seen = new CountDownLatch(1);
        sample();
        Thread own = new Thread(accounts.threads().groupOf("busy"), () -> {
            burned.addAndGet(Work.burn(200));
            awaitQuietly(seen); // the sampler sees it alive with its full reading once, then it ends
        });
        own.start();
        while (own.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        sample();
        seen.countDown();
        own.join();
        ResourceUsage after = sample("busy");
        assertWithin("CPU of an ended thread", burned.get(), after.cpuNanos(), 0.10);
        assertEquals(0, after.liveThreads());
        assertEquals(1, after.peakThreads());
        assertEquals("a later sample does not forget it", after.cpuNanos(), sample("busy").cpuNanos());
    }

    @Test
    public void cpuOnAPoolThePluginCreatedAndThroughSupplyAsyncIsThePlugins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, tasks.threadFactory("busy", null));
        long onPool = pool.submit(() -> Work.burn(150)).get(30, TimeUnit.SECONDS)
                + pool.submit(() -> Work.burn(150)).get(30, TimeUnit.SECONDS);
        long async = CompletableFuture.supplyAsync(tasks.supplier("busy", () -> Work.burn(150))).get(30, TimeUnit.SECONDS);
        ResourceUsage whileAlive = sample("busy");
        assertWithin("pool (threads alive) + supplyAsync", onPool + async, whileAlive.cpuNanos(), 0.10);

        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        Thread.sleep(50); // a worker's wrapper returns just after the pool reports termination
        ResourceUsage ended = sample("busy");
        assertWithin("after the pool's threads ended", onPool + async, ended.cpuNanos(), 0.10);
    }

    @Test
    public void runningTaskOnALentThreadIsChargedFromItsStartOnly() throws Exception {
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong burned = new AtomicLong();
        CompletableFuture<Void> task = CompletableFuture.runAsync(tasks.runnable("busy", () -> {
            burned.set(Work.burn(150));
            burnt.countDown();
            awaitQuietly(release);
        }));
        burnt.await();
        ResourceUsage running = sample("busy");
        release.countDown();
        task.get(30, TimeUnit.SECONDS);
        assertWithin("while the task still runs", burned.get(), running.cpuNanos(), 0.10);
        assertEquals("the lent thread counts as the plugin's while the task runs", 1, running.liveThreads());
    }

    @Test
    public void allocationOfOneHundredMegabytesIsAttributedWithinFivePercent() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(tasks.threadFactory("alloc", null));
        long onPool = pool.submit(() -> Work.allocate(100L * 1024 * 1024)).get(30, TimeUnit.SECONDS);
        ResourceUsage usage = sample("alloc");
        pool.shutdownNow();
        assertWithin("100 MB on a pool thread the plugin created", onPool, usage.allocatedBytes(), 0.05);
    }

    @Test
    public void anIdlePluginShowsAlmostNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread idle = new Thread(accounts.threads().groupOf("idle"), () -> awaitQuietly(release));
        idle.start();
        sample();
        Thread.sleep(200);
        ResourceUsage usage = sample("idle");
        release.countDown();
        idle.join();
        assertEquals(1, usage.liveThreads());
        assertTrue("idle plugin CPU " + usage.cpuNanos() + " ns", usage.cpuNanos() < 20_000_000);
        assertTrue("idle plugin allocation " + usage.allocatedBytes() + " B", usage.allocatedBytes() < 1024 * 1024);
    }

    @Test
    public void manyShortThreadsFromTheWrappedFactoryCannotEscapeTheAccount() throws Exception {
        long burned = 0;
        sample();
        for (int i = 0; i < 20; i++) {
            AtomicLong b = new AtomicLong();
            Thread measured = tasks.threadFactory("short", null).newThread(() -> b.set(Work.burn(10)));
            measured.start();
            measured.join();
            burned += b.get();
        }
        ResourceUsage usage = sample("short");
        assertWithin("20 threads born and ended between two samples", burned, usage.cpuNanos(), 0.10);
        assertEquals(0, usage.liveThreads());
    }

    private void sample() {
        sampler.sample();
    }

    private ResourceUsage sample(String pluginId) {
        return sampler.sample().stream().filter(u -> u.pluginId().equals(pluginId)).findFirst()
                .orElseThrow(() -> new AssertionError("no usage for " + pluginId));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
