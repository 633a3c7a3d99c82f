package sandbox.core.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.objectweb.asm.Type;
import sandbox.core.accounting.OwnedTasks;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.SensitiveApi;

/**
 * Attribution of the work a plugin hands to threads and pools (rows of {@code TaskApiRows}): the guard's TASK
 * targets and OWNED results go through here to the accounting ledger's {@link OwnedTasks}. Nothing is decided
 * (the thread quota is checked by the THREAD rows, elsewhere); without a ledger the work runs unattributed.
 */
final class Tasks {
    /** A wrapper for one declared argument type of a TASK row. */
    private interface Wrap {
        Object apply(OwnedTasks tasks, String pluginId, Object work);
    }

    private static final Map<String, Wrap> BY_DECLARED_TYPE = Map.of(
            "java/lang/Runnable", (t, id, w) -> t.runnable(id, (Runnable) w),
            "java/util/concurrent/Callable", (t, id, w) -> t.callable(id, (Callable<?>) w),
            "java/util/function/Supplier", (t, id, w) -> t.supplier(id, (Supplier<?>) w),
            "java/util/Collection", (t, id, w) -> callables(t, id, (Collection<?>) w),
            "java/util/concurrent/ForkJoinTask", (t, id, w) -> forkJoinTask(t, id, (ForkJoinTask<?>) w),
            "java/util/concurrent/ThreadFactory", (t, id, w) -> t.threadFactory(id, (ThreadFactory) w));

    /** OWNED results by their class, first match wins. */
    private static final List<Map.Entry<Class<?>, Wrap>> BY_RESULT_TYPE = List.of(
            Map.entry(Thread.class, (t, id, v) -> t.adopt(id, (Thread) v)),   // rows that wrapped its body
            Map.entry(ThreadPoolExecutor.class, (t, id, v) -> ownThreads(t, id, (ThreadPoolExecutor) v)),
            Map.entry(ThreadFactory.class, (t, id, v) -> t.threadFactory(id, (ThreadFactory) v)),
            Map.entry(Timer.class, (t, id, v) -> ownTimerThread(t, id, (Timer) v)));

    /** Factories whose pool hides its ThreadPoolExecutor: the (still thread-less) pool is replaced by an owned one. */
    private static final Map<String, Function<ThreadFactory, ExecutorService>> REBUILT = Map.of(
            "newSingleThreadExecutor", Executors::newSingleThreadExecutor,
            "newSingleThreadScheduledExecutor", Executors::newSingleThreadScheduledExecutor);

    /**
     * CompletableFuture's executor-less async methods. On JDK 17-20 with a common-pool parallelism of 1 or less (2
     * cores) the JDK runs each such task on a new thread of its own ({@code CompletableFuture.ThreadPerTaskExecutor}),
     * born in the caller's thread group (the plugin's): its whole life is the task, so it adopts itself first thing
     * and is charged exactly instead of being sampled as a group member. A common-pool worker (JDK 21+ always, else
     * with more cores) is never adopted: it is lent for the task only.
     */
    private static final Map<String, Wrap> ON_A_THREAD_OF_ITS_OWN = Map.of(
            "java/lang/Runnable", (t, id, w) -> selfAdopting(t, id, t.runnable(id, (Runnable) w)),
            "java/util/function/Supplier", (t, id, w) -> {
                Supplier<?> inner = t.supplier(id, (Supplier<?>) w);
                return (Supplier<Object>) () -> {
                    adoptIfOwnThread(t, id);
                    return inner.get();
                };
            });

    private static final Map<SensitiveApi, Wrap> ROWS = new ConcurrentHashMap<>();

    private Tasks() {
    }

    /** @return {@code work} (an argument of a TASK row) wrapped to charge the plugin; fails closed on an unknown type */
    static Object wrap(PolicyHandle h, SensitiveApi row, Object work) {
        Wrap wrap = ROWS.computeIfAbsent(row, Tasks::wrapperOf);
        OwnedTasks tasks = OwnedTasks.inUse();
        return work == null || tasks == null ? work : wrap.apply(tasks, h.pluginId(), work);
    }

    /** @return {@code value} (a result or new object of an OWNED row), made the plugin's before it runs anything */
    static Object owned(PolicyHandle h, SensitiveApi row, Object value) {
        OwnedTasks tasks = OwnedTasks.inUse();
        if (tasks == null) {
            return value;
        }
        Function<ThreadFactory, ExecutorService> rebuild = REBUILT.get(row.name());
        if (rebuild != null) {
            ((ExecutorService) value).shutdown();   // JDK pools start threads lazily: this one never had any
            return rebuild.apply(tasks.threadFactory(h.pluginId(), null));
        }
        for (Map.Entry<Class<?>, Wrap> e : BY_RESULT_TYPE) {
            if (e.getKey().isInstance(value)) {
                return e.getValue().apply(tasks, h.pluginId(), value);
            }
        }
        return value;
    }

    private static Wrap wrapperOf(SensitiveApi row) {
        Type[] args = Type.getArgumentTypes(row.descriptor());
        String declared = args[row.target().arg()].getInternalName();
        boolean ownThread = args.length == 1 && row.owner().equals("java/util/concurrent/CompletableFuture");
        Wrap wrap = (ownThread ? ON_A_THREAD_OF_ITS_OWN : BY_DECLARED_TYPE).get(declared);
        if (wrap == null) {
            throw new SecurityException("Sandbox: task row " + row.operation() + " " + row.descriptor()
                    + " hands over a " + declared + ", which has no wrapper");
        }
        return wrap;
    }

    /** invokeAll/invokeAny: a copy (read once, A8), each callable wrapped; results keep the collection's order. */
    private static List<Callable<Object>> callables(OwnedTasks t, String id, Collection<?> work) {
        List<Callable<Object>> copy = new ArrayList<>(work.size());
        for (Object c : work.toArray()) {
            @SuppressWarnings("unchecked")
            Callable<Object> callable = (Callable<Object>) c;
            copy.add(callable == null ? null : t.callable(id, callable));
        }
        return copy;
    }

    /**
     * A fork-join task runs its own {@code exec}, which cannot be wrapped: it is run by an adapted task that invokes
     * it charged to the plugin, so invoke/get return its result and the plugin's own reference completes as well.
     */
    private static ForkJoinTask<?> forkJoinTask(OwnedTasks t, String id, ForkJoinTask<?> work) {
        return ForkJoinTask.adapt(t.callable(id, work::invoke));
    }

    private static Runnable selfAdopting(OwnedTasks t, String id, Runnable inner) {
        return () -> {
            adoptIfOwnThread(t, id);
            inner.run();
        };
    }

    private static void adoptIfOwnThread(OwnedTasks t, String id) {
        if (!(Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread)) {
            t.adopt(id, Thread.currentThread());
        }
    }

    private static ThreadPoolExecutor ownThreads(OwnedTasks t, String id, ThreadPoolExecutor pool) {
        pool.setThreadFactory(t.threadFactory(id, pool.getThreadFactory()));
        return pool;
    }

    private static Timer ownTimerThread(OwnedTasks t, String id, Timer timer) {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                t.own(id, Thread.currentThread());
            }
        }, 0);
        return timer;
    }
}
