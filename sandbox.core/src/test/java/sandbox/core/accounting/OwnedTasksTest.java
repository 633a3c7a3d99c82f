package sandbox.core.accounting;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import sandbox.api.TaskRun;
import sandbox.api.ThreadCost;

/** Work handed to shared pools and wrapped thread factories is charged to the plugin, exactly once. */
public class OwnedTasksTest {
    private final ThreadOwnership ownership = new ThreadOwnership();
    private final TaskLedger ledger = new TaskLedger();
    private final OwnedTasks tasks = new OwnedTasks(ownership, ledger);

    @Test
    public void supplyAsyncOnTheCommonPoolIsChargedToThePluginAndOnlyForTheTask() throws Exception {
        CompletableFuture<Measured> future = CompletableFuture.supplyAsync(tasks.supplier("p", () -> {
            Optional<String> owner = ownership.ownerOf(Thread.currentThread());
            List<TaskRun> running = ledger.running("p");
            return new Measured(burn(300), owner, running.size(), Thread.currentThread());
        }));
        Measured m = future.get(30, TimeUnit.SECONDS);

        assertEquals("the pool thread is the plugin's while the task runs", Optional.of("p"), m.owner);
        assertEquals(1, m.runningDuringTask);
        assertEquals("and not after", Optional.empty(), ownership.ownerOf(m.thread));
        assertTrue(ledger.running("p").isEmpty());
        assertTrue(ledger.chargedByTask(m.thread));
        long charged = ledger.finished("p").cpuNanos();
        assertWithin("CPU charged vs burned in the task", m.burnedCpu, charged, 0.10);
        assertTrue("the pool thread's earlier life is not charged: " + charged, charged < m.burnedCpu * 1.1);
    }

    @Test
    public void threadsFromAWrappedFactoryAreOwnedForLifeAndChargedExactlyAfterTheyEnd() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, tasks.threadFactory("p", null));
        CountDownLatch seen = new CountDownLatch(1);
        long[] allocated = new long[1];
        Thread[] worker = new Thread[1];
        pool.submit(() -> {
            worker[0] = Thread.currentThread();
            assertEquals(Optional.of("p"), ownership.ownerOf(Thread.currentThread()));
            allocated[0] = allocate(20 * 1024 * 1024);
            seen.countDown();
        }).get(30, TimeUnit.SECONDS);
        assertEquals(1, ledger.running("p").size());
        pool.shutdown();
        worker[0].join(30_000); // the pool reports termination before the worker's body (and our wrapper) returns
        assertFalse(worker[0].isAlive());

        ThreadCost cost = ledger.finished("p");
        assertTrue(ledger.running("p").isEmpty());
        assertWithin("allocation charged", allocated[0], cost.allocatedBytes(), 0.05);
    }

    @Test
    public void nestedWrappersChargeOnceAndAPluginsOwnThreadIsLeftToTheSampler() throws Exception {
        Thread own = new Thread(ownership.groupOf("p"), () -> tasks.runnable("p", () -> burn(50)).run());
        own.start();
        own.join();
        assertFalse("a member of the plugin's group is sampled whole-life, not charged by task", ledger.chargedByTask(own));
        assertEquals(ThreadCost.ZERO, ledger.finished("p"));

        long[] burned = new long[1];
        Runnable inner = tasks.runnable("p", () -> burned[0] = burn(100));
        CompletableFuture.runAsync(tasks.runnable("p", inner)).get(30, TimeUnit.SECONDS);
        assertWithin("nested tasks counted once", burned[0], ledger.finished("p").cpuNanos(), 0.10);
    }

    static void assertWithin(String what, long expected, long actual, double tolerance) {
        assertTrue(what + ": expected " + expected + " ± " + (int) (tolerance * 100) + " %, was " + actual,
                Math.abs(actual - expected) <= expected * tolerance);
    }

    /** Burns about {@code millis} of CPU; returns the CPU it measured on its own thread. */
    static long burn(long millis) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        long x = 0;
        while (mx.getCurrentThreadCpuTime() - start < millis * 1_000_000) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        if (x == 42) {
            System.out.print("");
        }
        return mx.getCurrentThreadCpuTime() - start;
    }

    static volatile Object sink;

    /** Allocates about {@code bytes} in 64 KB arrays; returns what its thread allocated, measured. */
    static long allocate(long bytes) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadAllocatedBytes();
        for (long done = 0; done < bytes; done += 64 * 1024) {
            sink = new byte[64 * 1024];
        }
        return mx.getCurrentThreadAllocatedBytes() - start;
    }

    private record Measured(long burnedCpu, Optional<String> owner, int runningDuringTask, Thread thread) {
    }
}
