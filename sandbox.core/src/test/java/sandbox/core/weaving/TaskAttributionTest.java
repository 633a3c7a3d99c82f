package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.accounting.OwnedTasks;
import sandbox.core.accounting.PluginAccounts;

/**
 * Woven samples hand CPU work to the common pool, a pool they create, a thread they create and a timer: the real
 * guard wraps it through the real ledger, and the ledger charges the plugin what the worker thread measured itself.
 */
public class TaskAttributionTest {
    private static final long MILLIS = 200;
    private final PluginAccounts accounts = new PluginAccounts();
    private Woven plugin;

    @Before
    public void setUp() {
        OwnedTasks.use(accounts.ownedTasks());
        // MINIMAL: thread creation is recorded, never refused, so the quota (not under test here) stays out of the way
        plugin = new Woven(IsolationLevel.MINIMAL, PluginPermissions.NONE, null);
    }

    @After
    public void tearDown() {
        OwnedTasks.use(null);
    }

    private String id() {
        return plugin.handle.pluginId();
    }

    private void assertCharged(String method) throws Throwable {
        long before = accounts.finishedTaskCost(id()).cpuNanos();
        Object[] burned = (Object[]) plugin.call("TaskOps", method, MILLIS);
        long measured = (Long) burned[0];
        Thread worker = (Thread) burned[1];
        waitForLedger(worker);
        long charged = accounts.finishedTaskCost(id()).cpuNanos() - before;
        assertTrue(method + ": charged " + charged + " ns for " + measured + " ns burned",
                charged >= measured && charged <= measured * 1.10);
    }

    /**
     * A pool task's cost is in the ledger before its result is handed over; a thread from an owned factory is charged
     * as one task from its first instruction to its last, so its cost arrives when it ends (the pool is shut down).
     * An external get() may run a common-pool task on the calling thread itself (charged as a lent thread).
     */
    private static void waitForLedger(Thread worker) throws InterruptedException {
        if (!(worker instanceof java.util.concurrent.ForkJoinWorkerThread) && worker != Thread.currentThread()) {
            worker.join(30_000);
        }
    }

    @Test
    public void supplyAsyncOnTheCommonPoolIsCharged() throws Throwable {
        assertCharged("supplyAsync");
    }

    @Test
    public void commonPoolSubmitAndInvokeAreCharged() throws Throwable {
        assertCharged("commonPoolSubmit");
        assertCharged("commonPoolInvoke");
    }

    @Test
    public void aPoolThePluginCreatesHasThreadsOwnedFromBirth() throws Throwable {
        assertCharged("fixedPool");
    }

    @Test
    public void aThreadThePluginCreatesIsAdoptedBeforeItStarts() throws Throwable {
        long before = accounts.finishedTaskCost(id()).cpuNanos();
        Object[] burned = (Object[]) plugin.call("TaskOps", "newThread", MILLIS);
        Thread worker = (Thread) burned[1];
        worker.join();
        assertTrue("charged task by task, from its first instruction", accounts.chargedByTask(worker));
        long charged = accounts.finishedTaskCost(id()).cpuNanos() - before;
        long measured = (Long) burned[0];
        assertTrue("charged " + charged + " ns for " + measured + " ns burned",
                charged >= measured && charged <= measured * 1.10);
    }

    /**
     * JDK 21+: plugin bytecode calling {@code Thread.Builder.unstarted(Runnable)} (generated: the core compiles for
     * 17, so no source can name the type); the body is wrapped and the thread adopted before it starts.
     */
    @Test
    public void aThreadFromAThreadBuilderIsAdoptedBeforeItStarts() throws Throwable {
        org.junit.Assume.assumeTrue("Thread.Builder is JDK 21+", Runtime.version().feature() >= 21);
        plugin.with(Woven.PACKAGE + "BuilderCall", builderCall());
        Object builder = Thread.class.getMethod("ofPlatform").invoke(null);
        java.util.concurrent.atomic.AtomicLong measured = new java.util.concurrent.atomic.AtomicLong();
        long before = accounts.finishedTaskCost(id()).cpuNanos();
        Thread worker = (Thread) plugin.call("BuilderCall", "unstarted", builder,
                (Runnable) () -> measured.set(cpuBurn(MILLIS)));
        worker.start();
        worker.join();
        assertTrue("charged task by task, from its first instruction", accounts.chargedByTask(worker));
        long charged = accounts.finishedTaskCost(id()).cpuNanos() - before;
        assertTrue("charged " + charged + " ns for " + measured + " ns burned",
                charged >= measured.get() && charged <= measured.get() * 1.10);
    }

    /** {@code static Thread unstarted(Object builder, Runnable body) { return ((Thread.Builder) builder).unstarted(body); }} */
    private static byte[] builderCall() {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_SUPER,
                "hostile/samples/BuilderCall", null, "java/lang/Object", null);
        org.objectweb.asm.MethodVisitor mv = cw.visitMethod(org.objectweb.asm.Opcodes.ACC_STATIC, "unstarted",
                "(Ljava/lang/Object;Ljava/lang/Runnable;)Ljava/lang/Thread;", null, null);
        mv.visitCode();
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 0);
        mv.visitTypeInsn(org.objectweb.asm.Opcodes.CHECKCAST, "java/lang/Thread$Builder");
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ALOAD, 1);
        mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKEINTERFACE, "java/lang/Thread$Builder", "unstarted",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;", true);
        mv.visitInsn(org.objectweb.asm.Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static long cpuBurn(long millis) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        hostBurn(millis);
        return mx.getCurrentThreadCpuTime() - start;
    }

    @Test
    public void aTimersThreadIsThePlugins() throws Throwable {
        Thread timer = (Thread) plugin.call("TaskOps", "timerThread");
        assertEquals(Optional.of(id()), accounts.ownerOf(timer));
    }

    private static long hostBurn(long millis) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        long x = 0;
        while (mx.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
            x += System.nanoTime() ^ x;
        }
        return x;
    }

    @Test
    public void aHostTaskOnTheCommonPoolRightAfterIsNotCharged() throws Throwable {
        assertCharged("supplyAsync");
        long before = accounts.finishedTaskCost(id()).cpuNanos();
        Object[] host = CompletableFuture.supplyAsync(() -> new Object[] {accounts.ownerOf(Thread.currentThread()),
                hostBurn(MILLIS)}).get(30, TimeUnit.SECONDS);
        assertEquals("the pool thread went back to the JDK", Optional.empty(), host[0]);
        assertEquals("nothing of the host's task is charged", before, accounts.finishedTaskCost(id()).cpuNanos());
    }
}
