package sandbox.core.runaway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import org.junit.Test;

/**
 * The weave on real compiled classes, run in a class loader of their own: runaway shapes end with the termination
 * error once their thread is condemned, handlers cannot swallow it, and ordinary code computes what it computes
 * unwoven.
 */
public class RunawayTransformTest {
    private static int plugins;

    private static String freshPlugin() {
        return "test.plugin." + (++plugins);
    }

    private static PluginTerminatedError condemn(Sample sample, String pluginId) {
        return Condemned.condemn(sample.thread, new PluginTerminatedError(Budget.KILLED, pluginId, "stopped by the test"));
    }

    private void assertStopped(String method, String awaitField) throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start(method);
        sample.awaitStatic(awaitField);
        PluginTerminatedError error = condemn(sample, plugin);
        assertSame(method + " must end with the termination", error, sample.join());
    }

    @Test
    public void busyLoopIsStopped() throws Exception {
        assertStopped("spin", "spins");
    }

    @Test
    public void aLoopAlreadyCompiledByTheJitIsStopped() throws Exception {
        // The invokedynamic poll's no-op target is inlined away by C1/C2; raising the signal must deoptimize the
        // running compiled loop (OSR) so that it reaches the slow path.
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("spin");
        Sample.await(() -> {
            try {
                return sample.staticLong("spins") > 200_000_000L; // long past OSR compilation
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        PluginTerminatedError error = condemn(sample, plugin);
        assertSame(error, sample.join());
    }

    @Test
    public void emptyLoopWithoutCallsIsStopped() throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("emptyLoop");
        Sample.await(() -> sample.thread.getState() == Thread.State.RUNNABLE);
        PluginTerminatedError error = condemn(sample, plugin);
        assertSame(error, sample.join());
    }

    @Test
    public void catchThrowableCannotSwallowIt() throws Exception {
        assertStopped("swallowThrowable", "spins");
    }

    @Test
    public void catchErrorCannotSwallowItAndTheHandlerBodyNeverRuns() throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("swallowError");
        sample.awaitStatic("spins");
        PluginTerminatedError error = condemn(sample, plugin);
        assertSame(error, sample.join());
        assertEquals(0, sample.staticLong("handlerBodies"));
    }

    @Test
    public void finallyRunsAndItsLoopIsStoppedToo() throws Exception {
        assertStopped("loopInFinally", "spins");
    }

    @Test
    public void finallyThatReturnsDoesNotRescueTheCaller() throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("callsSwallower");
        sample.awaitStatic("spins");
        PluginTerminatedError error = condemn(sample, plugin);
        assertSame(error, sample.join());
        assertTrue("the finally body ran", sample.staticLong("finallyEntered") > 0);
    }

    @Test
    public void infiniteRecursionEndsInTheStackOverflowNotInTheHost() throws Exception {
        Sample sample = new Sample(new WovenLoader(freshPlugin()), "Runaways")
                .start(Thread.currentThread().getThreadGroup(), "recurse", new Class<?>[] {int.class}, 0);
        Throwable ending = sample.join();
        assertTrue("ended with " + ending, ending instanceof StackOverflowError || ending instanceof PluginTerminatedError);
    }

    @Test
    public void recursionCatchingStackOverflowEndsAsStackDepthTermination() throws Exception {
        Sample sample = new Sample(new WovenLoader(freshPlugin()), "Runaways")
                .start(Thread.currentThread().getThreadGroup(), "recurseCatchingOverflow", new Class<?>[] {int.class}, 0);
        Throwable ending = sample.join();
        assertTrue("ended with " + ending, ending instanceof PluginTerminatedError);
        assertEquals(Budget.STACK_DEPTH, ((PluginTerminatedError) ending).budget());
        assertEquals("the plugin's StackOverflowError handler never ran", 0, sample.staticLong("handlerBodies"));
    }

    @Test
    public void sleepingThreadIgnoringInterruptsIsStoppedByInterruptPlusPoll() throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("sleepIgnoringInterrupts");
        Sample.await(() -> sample.thread.getState() == Thread.State.TIMED_WAITING);
        sample.thread.interrupt();
        sample.awaitStatic("handlerBodies"); // the interrupt alone is swallowed
        PluginTerminatedError error = condemn(sample, plugin);
        sample.thread.interrupt();
        assertSame(error, sample.join());
    }

    @Test
    public void unwindingReleasesAMonitorAHostThreadWaitsFor() throws Exception {
        String plugin = freshPlugin();
        Object lock = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways")
                .start(Thread.currentThread().getThreadGroup(), "holdMonitor", new Class<?>[] {Object.class, Runnable.class},
                        lock, (Runnable) holding::countDown);
        holding.await();
        condemn(sample, plugin);
        synchronized (lock) { // blocks until the plugin's thread unwinds through its monitor-release handler
            assertTrue(Thread.holdsLock(lock));
        }
        sample.join();
    }

    @Test
    public void ordinaryCodeComputesTheSameWovenAndUnwoven() throws Exception {
        // Raise the plugin's signal for an unrelated thread, so the woven code runs through the slow path too.
        String plugin = freshPlugin();
        Sample spinner = new Sample(new WovenLoader(plugin), "Runaways").start("spin");
        spinner.awaitStatic("spins");
        Class<?> woven = new WovenLoader(plugin).loadClass(WovenLoader.SAMPLES + "Ordinary");
        Class<?> plain = sandbox.core.runaway.samples.Ordinary.class;
        Thread other = new Thread(() -> { });
        Condemned.condemn(other, new PluginTerminatedError(Budget.KILLED, plugin, "not this thread"));
        assertTrue(Condemned.signalOf(plugin).isRaised());
        for (Object[] call : new Object[][] {{"sumLoops", 1000}, {"fib", 20}, {"handlers", 30}, {"switches", 200},
                {"synchronizedAndLambdas", 5}, {"interfaces"}}) {
            Class<?>[] types = call.length > 1 ? new Class<?>[] {int.class} : new Class<?>[0];
            Object[] args = call.length > 1 ? new Object[] {call[1]} : new Object[0];
            Method w = woven.getMethod((String) call[0], types);
            Method p = plain.getMethod((String) call[0], types);
            assertEquals(call[0].toString(), p.invoke(null, args), w.invoke(null, args));
        }
        condemn(spinner, plugin);
        spinner.join();
    }

    @Test
    public void signalIsLoweredWhenNoCondemnedThreadIsLeft() throws Exception {
        String plugin = freshPlugin();
        Sample sample = new Sample(new WovenLoader(plugin), "Runaways").start("spin");
        sample.awaitStatic("spins");
        condemn(sample, plugin);
        assertTrue(Condemned.signalOf(plugin).isRaised());
        sample.join();
        Condemned.sweep();
        assertFalse(Condemned.signalOf(plugin).isRaised());
        assertNull(Condemned.of(sample.thread));
    }

    @Test
    public void wovenClassHoldsItsPluginsSignal() throws Exception {
        String plugin = freshPlugin();
        Class<?> woven = new WovenLoader(plugin).loadClass(WovenLoader.SAMPLES + "Ordinary");
        var field = woven.getDeclaredField(RunawayTransform.SIGNAL_FIELD);
        field.setAccessible(true);
        assertSame(Condemned.signalOf(plugin), field.get(null));
        assertTrue(field.isSynthetic());
    }
}
