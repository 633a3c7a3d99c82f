package sandbox.core.accounting;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import sandbox.api.ThreadCost;

/**
 * Wrappers that charge work to the plugin that handed it over, whatever thread ends up running it.
 *
 * <p>The guard wraps what a plugin passes to a shared JDK pool ({@code CompletableFuture.supplyAsync},
 * {@code ForkJoinPool.commonPool()}, another bundle's executor) and the thread factories of executors it creates.
 * While a wrapped task runs, its thread is registered as the plugin's ({@link ThreadOwnership#register}) and
 * its CPU and allocation from the task's start are charged to the plugin in the {@link TaskLedger}; the pool
 * thread's earlier life is not. A task that runs on a thread the plugin already owns outright (a member of its
 * thread group, sampled whole-life by the monitor) or inside another wrapped task runs unwrapped, so nothing
 * is counted twice.
 */
public final class OwnedTasks {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static volatile OwnedTasks inUse;

    private final ThreadOwnership ownership;
    private final TaskLedger ledger;

    /**
     * @param ownership who owns which thread
     * @param ledger where task costs go
     */
    public OwnedTasks(ThreadOwnership ownership, TaskLedger ledger) {
        this.ownership = ownership;
        this.ledger = ledger;
    }

    /** @return a runnable that runs {@code task} charged to {@code pluginId} */
    public Runnable runnable(String pluginId, Runnable task) {
        return () -> unchecked(pluginId, () -> {
            task.run();
            return null;
        });
    }

    /** @return a callable that runs {@code task} charged to {@code pluginId} */
    public <T> Callable<T> callable(String pluginId, Callable<T> task) {
        return () -> charge(pluginId, task);
    }

    /** @return a supplier that runs {@code task} charged to {@code pluginId} */
    public <T> Supplier<T> supplier(String pluginId, Supplier<T> task) {
        return () -> unchecked(pluginId, task::get);
    }

    private <T> T unchecked(String pluginId, Callable<T> task) {
        try {
            return charge(pluginId, task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unreachable: the task declares no checked exception", e);
        }
    }

    /**
     * A factory whose threads are the plugin's for life, charged from their first instruction to their last,
     * exactly (no sampling gap at their end).
     *
     * @param pluginId the plugin creating the threads
     * @param delegate the factory the plugin asked for; {@code null} means {@link Executors#defaultThreadFactory()}
     * @return the wrapping factory
     */
    public ThreadFactory threadFactory(String pluginId, ThreadFactory delegate) {
        ThreadFactory inner = delegate == null ? Executors.defaultThreadFactory() : delegate;
        return body -> {
            Thread thread = inner.newThread(runnable(pluginId, body));
            if (thread != null) {
                adopt(pluginId, thread);
            }
            return thread;
        };
    }

    /**
     * Makes a not yet started thread the plugin's for life and charged task by task; for {@code new Thread(...)}
     * call sites, whose body the guard wraps with {@link #runnable} before constructing the thread.
     *
     * @param pluginId the owner
     * @param thread a new thread whose body is wrapped
     * @return the thread
     */
    public Thread adopt(String pluginId, Thread thread) {
        ledger.markCharged(thread);
        ownership.register(thread, pluginId);
        return thread;
    }

    /**
     * Makes a thread whose body cannot be wrapped (a {@code Timer}'s) the plugin's for life, sampled whole-life;
     * a thread that already has an owner keeps it.
     */
    public void own(String pluginId, Thread thread) {
        if (ownership.ownerOf(thread).isEmpty()) {
            ownership.register(thread, pluginId);
        }
    }

    /**
     * @return the wrappers of the active ledger, for the weaving guard (woven code reaches the guard through static
     *         calls, before any service could be looked up); {@code null} while no ledger is active
     */
    public static OwnedTasks inUse() {
        return inUse;
    }

    /**
     * Makes {@code tasks} the wrappers the guard uses ({@code null}: none, work is then not attributed).
     *
     * @throws SecurityException when the caller is not Sandbox's own code (a plugin reaching this reflectively)
     */
    public static void use(OwnedTasks tasks) {
        Class<?> caller = WALKER.getCallerClass();
        if (caller.getClassLoader() != OwnedTasks.class.getClassLoader()) {
            throw new SecurityException("Sandbox: connecting the task wrappers is for Sandbox's own code, not "
                    + caller.getName());
        }
        inUse = tasks;
    }

    private <T> T charge(String pluginId, Callable<T> task) throws Exception {
        if (CURRENT.get() != null) {
            return task.call(); // the enclosing wrapped task already charges this thread
        }
        Thread thread = Thread.currentThread();
        Optional<String> owner = ownership.ownerOf(thread);
        if (owner.isPresent() && !ledger.chargedByTask(thread)) {
            return task.call(); // a plugin's own thread, sampled whole-life: its owner pays, as for any code it runs
        }
        boolean lent = owner.isEmpty();
        ledger.markCharged(thread); // before register: a sampler must never see it registered but unmarked
        ThreadCost start = ThreadClock.now();
        ledger.begin(pluginId, thread, start);
        if (lent) {
            ownership.register(thread, pluginId);
        }
        CURRENT.set(pluginId);
        try {
            return task.call();
        } finally {
            CURRENT.remove();
            ThreadCost cost = ThreadClock.now().since(start);
            if (lent) {
                ownership.unregister(thread);
            }
            ledger.end(pluginId, thread, cost);
        }
    }
}
