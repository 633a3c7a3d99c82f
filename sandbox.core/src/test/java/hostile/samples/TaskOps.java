package hostile.samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work handed to threads and pools (issue 5). Each method burns CPU on another thread and returns what that thread
 * measured for itself, {@code {cpuNanos, thread}}: the test compares it with what the ledger charged the plugin.
 */
public final class TaskOps {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private TaskOps() {
    }

    /** Burns about {@code millis} of CPU on the calling thread. @return {cpu ns it used, the thread} */
    static Object[] burn(long millis) {
        long start = MX.getCurrentThreadCpuTime();
        long x = 0;
        while (MX.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        return new Object[] {MX.getCurrentThreadCpuTime() - start + (x == 42 ? 1 : 0), Thread.currentThread()};
    }

    static Object[] supplyAsync(long millis) {
        return CompletableFuture.supplyAsync(() -> burn(millis)).join();
    }

    static Object[] commonPoolSubmit(long millis) throws Exception {
        return ForkJoinPool.commonPool().submit(() -> burn(millis)).get();
    }

    static Object[] commonPoolInvoke(long millis) {
        return ForkJoinPool.commonPool().invoke(new RecursiveTask<Object[]>() {
            @Override
            protected Object[] compute() {
                return burn(millis);
            }
        });
    }

    static Object[] fixedPool(long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Object[]> work = () -> burn(millis);
            List<Future<Object[]>> done = pool.invokeAll(List.of(work));
            return done.get(0).get();
        } finally {
            pool.shutdown();
        }
    }

    static Object[] newThread(long millis) throws Exception {
        AtomicReference<Object[]> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(burn(millis)), "task-ops");
        thread.start();
        thread.join();
        return result.get();
    }

    /** @return the timer's thread, seen from a task the plugin scheduled; the timer is cancelled after */
    static Thread timerThread() throws Exception {
        Timer timer = new Timer("task-ops-timer", true);
        AtomicReference<Thread> seen = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                seen.set(Thread.currentThread());
                ran.countDown();
            }
        }, 0);
        ran.await(30, TimeUnit.SECONDS);
        return seen.get();
    }
}
