package sandbox.core.weaving;

import static sandbox.api.PermissionKind.THREAD;

import java.util.List;

/**
 * Attribution of work a plugin hands to threads and pools (issue 5): each row wraps one argument (TASK: the
 * runnable, callable, supplier, fork-join task, collection of callables or thread factory) or the returned or
 * constructed object (OWNED: a thread, pool, factory or timer) so the work is charged to the plugin through the
 * accounting ledger's {@code OwnedTasks}. Nothing here decides anything: the thread quota is {@link ThreadApiRows}'.
 * Descriptors are exact, because the declared argument type picks the wrapper; owners are matched by what the call
 * reaches (H5), so an interface row covers every implementation. JDK 21+ members (Thread.Builder,
 * startVirtualThread, newThreadPerTaskExecutor) are rows by name and descriptor only: the core compiles for 17.
 */
final class TaskApiRows implements SensitiveApiSource {
    private static final String C = "create";
    private static final String R = "Ljava/lang/Runnable;";
    private static final String CALL = "Ljava/util/concurrent/Callable;";
    private static final String COL = "Ljava/util/Collection;";
    private static final String FJT = "Ljava/util/concurrent/ForkJoinTask;";
    private static final String TU = "Ljava/util/concurrent/TimeUnit;";
    private static final String TF = "Ljava/util/concurrent/ThreadFactory;";
    private static final String ES = "Ljava/util/concurrent/ExecutorService;";
    private static final String SES = "Ljava/util/concurrent/ScheduledExecutorService;";
    private static final String SF = "Ljava/util/concurrent/ScheduledFuture;";
    private static final String CF = "Ljava/util/concurrent/CompletableFuture;";
    private static final String EX = "Ljava/util/concurrent/Executor;";
    private static final String F = "Ljava/util/concurrent/Future;";
    private static final String TG = "Ljava/lang/ThreadGroup;";
    private static final String S = "Ljava/lang/String;";
    private static final String O = "Ljava/lang/Object;";
    private static final String BQ = "Ljava/util/concurrent/BlockingQueue;";
    private static final String REH = "Ljava/util/concurrent/RejectedExecutionHandler;";

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public List<SensitiveApi> rows() {
        Rows r = new Rows(name());
        String cf = "java.util.concurrent.CompletableFuture";
        task(r, cf, "supplyAsync", "(Ljava/util/function/Supplier;)" + CF, 0);   // the common pool
        task(r, cf, "supplyAsync", "(Ljava/util/function/Supplier;" + EX + ")" + CF, 0);
        task(r, cf, "runAsync", "(" + R + ")" + CF, 0);
        task(r, cf, "runAsync", "(" + R + EX + ")" + CF, 0);
        task(r, "java.util.concurrent.Executor", "execute", "(" + R + ")V", 0);
        String es = "java.util.concurrent.ExecutorService";
        task(r, es, "submit", "(" + R + ")" + F, 0);
        task(r, es, "submit", "(" + R + O + ")" + F, 0);
        task(r, es, "submit", "(" + CALL + ")" + F, 0);
        task(r, es, "invokeAll", "(" + COL + ")Ljava/util/List;", 0);
        task(r, es, "invokeAll", "(" + COL + "J" + TU + ")Ljava/util/List;", 0);
        task(r, es, "invokeAny", "(" + COL + ")" + O, 0);
        task(r, es, "invokeAny", "(" + COL + "J" + TU + ")" + O, 0);
        String ses = "java.util.concurrent.ScheduledExecutorService";
        task(r, ses, "schedule", "(" + R + "J" + TU + ")" + SF, 0);
        task(r, ses, "schedule", "(" + CALL + "J" + TU + ")" + SF, 0);
        task(r, ses, "scheduleAtFixedRate", "(" + R + "JJ" + TU + ")" + SF, 0);
        task(r, ses, "scheduleWithFixedDelay", "(" + R + "JJ" + TU + ")" + SF, 0);
        // ForkJoinPool's covariant submits and its ForkJoinTask entry points (execute(Runnable) is Executor's row)
        String fjp = "java.util.concurrent.ForkJoinPool";
        task(r, fjp, "submit", "(" + R + ")" + FJT, 0);
        task(r, fjp, "submit", "(" + R + O + ")" + FJT, 0);
        task(r, fjp, "submit", "(" + CALL + ")" + FJT, 0);
        task(r, fjp, "submit", "(" + FJT + ")" + FJT, 0);
        task(r, fjp, "execute", "(" + FJT + ")V", 0);
        task(r, fjp, "invoke", "(" + FJT + ")" + O, 0);
        executors(r);
        threads(r);
        return r.build();
    }

    /** Pools the plugin creates: their threads are the plugin's from birth (an owned ThreadFactory). */
    private static void executors(Rows r) {
        String ex = "java.util.concurrent.Executors";
        task(r, ex, "newFixedThreadPool", "(I" + TF + ")" + ES, 1);
        task(r, ex, "newCachedThreadPool", "(" + TF + ")" + ES, 0);
        task(r, ex, "newSingleThreadExecutor", "(" + TF + ")" + ES, 0);
        task(r, ex, "newScheduledThreadPool", "(I" + TF + ")" + SES, 1);
        task(r, ex, "newSingleThreadScheduledExecutor", "(" + TF + ")" + SES, 0);
        task(r, ex, "newThreadPerTaskExecutor", "(" + TF + ")" + ES, 0);   // JDK 21+
        // no factory given: the pool made is given an owned one before it has a thread (pools start threads lazily)
        owned(r, ex, "newFixedThreadPool", "(I)" + ES);
        owned(r, ex, "newCachedThreadPool", "()" + ES);
        owned(r, ex, "newScheduledThreadPool", "(I)" + SES);
        owned(r, ex, "newSingleThreadExecutor", "()" + ES);
        owned(r, ex, "newSingleThreadScheduledExecutor", "()" + SES);
        String tpe = "java.util.concurrent.ThreadPoolExecutor";
        String five = "IIJ" + TU + BQ;
        task(r, tpe, "<init>", "(" + five + TF + ")V", 5);
        task(r, tpe, "<init>", "(" + five + TF + REH + ")V", 5);
        owned(r, tpe, "<init>", "(" + five + ")V");
        owned(r, tpe, "<init>", "(" + five + REH + ")V");
        String stpe = "java.util.concurrent.ScheduledThreadPoolExecutor";
        task(r, stpe, "<init>", "(I" + TF + ")V", 1);
        task(r, stpe, "<init>", "(I" + TF + REH + ")V", 1);
        owned(r, stpe, "<init>", "(I)V");
        owned(r, stpe, "<init>", "(I" + REH + ")V");
        // a Timer's thread starts in its constructor: it is registered as the plugin's by the timer's first task
        for (String d : new String[] {"()V", "(Z)V", "(" + S + ")V", "(" + S + "Z)V"}) {
            owned(r, "java.util.Timer", "<init>", d);
        }
    }

    /** Threads: the body wrapped, and a constructed or unstarted thread adopted before it can start. */
    private static void threads(Rows r) {
        String t = "java.lang.Thread";
        for (String[] d : new String[][] {{"(" + R + ")V", "0"}, {"(" + TG + R + ")V", "1"}, {"(" + R + S + ")V", "0"},
                {"(" + TG + R + S + ")V", "1"}, {"(" + TG + R + S + "J)V", "1"}, {"(" + TG + R + S + "JZ)V", "1"}}) {
            r.add(t, "<init>", d[0], THREAD, C, Target.arg(TargetKind.TASK, Integer.parseInt(d[1])), ResultWrap.OWNED);
        }
        task(r, t, "startVirtualThread", "(" + R + ")Ljava/lang/Thread;", 0);   // JDK 21+
        for (String b : new String[] {"java.lang.Thread$Builder", "java.lang.Thread$Builder$OfPlatform",
                "java.lang.Thread$Builder$OfVirtual"}) {   // JDK 21+
            task(r, b, "start", "(" + R + ")Ljava/lang/Thread;", 0);
            r.add(b, "unstarted", "(" + R + ")Ljava/lang/Thread;", THREAD, C, Target.arg(TargetKind.TASK, 0), ResultWrap.OWNED);
            r.add(b, "factory", "()" + TF, THREAD, C, Target.METER_ONLY, ResultWrap.OWNED);
        }
    }

    private static void task(Rows r, String owner, String name, String desc, int arg) {
        r.add(owner, name, desc, THREAD, C, Target.arg(TargetKind.TASK, arg));
    }

    private static void owned(Rows r, String owner, String name, String desc) {
        r.add(owner, name, desc, THREAD, C, Target.METER_ONLY, ResultWrap.OWNED);
    }
}
