package sandbox.core.runaway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginLimits;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.core.accounting.ThreadOwnership;

/** The watchdog and stop path with real threads running woven samples in a plugin's thread group. */
public class ContainmentTest {
    private static int plugins;

    private final ThreadOwnership ownership = new ThreadOwnership();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private Containment containment;
    private String plugin;
    private ThreadGroup group;

    @Before
    public void setUp() {
        containment = new Containment(ownership::liveThreads, new RunawayReporter(violations::add, id -> "1.0.0"),
                Duration.ofMillis(10));
        plugin = "contained.plugin." + (++plugins);
        group = ownership.groupOf(plugin);
    }

    @After
    public void tearDown() {
        containment.stop(plugin, Duration.ofSeconds(10));
        containment.close();
    }

    private static PluginLimits.Builder limits() {
        return PluginLimits.builder().executionTime(Duration.ofMinutes(5)).cpuTime(Duration.ofMinutes(5));
    }

    private Sample start(String type, String method, PluginLimits limits, IsolationLevel level) throws Exception {
        Sample sample = new Sample(new WovenLoader(plugin), type);
        sample.start(group, method, new Class<?>[0]);
        sample.run = containment.begin(plugin, limits, level, sample.thread);
        return sample;
    }

    private PluginTerminatedError terminated(Sample sample) throws InterruptedException {
        Throwable ending = sample.join();
        assertTrue("ended with " + ending, ending instanceof PluginTerminatedError);
        return (PluginTerminatedError) ending;
    }

    private void awaitViolation(ViolationKind kind) throws InterruptedException {
        Sample.await(() -> violations.stream().anyMatch(v -> v.kind() == kind));
    }

    @Test
    public void cpuBudgetEndsABusyExecutionWithTheFigures() throws Exception {
        Sample sample = start("Runaways", "spin", limits().cpuTime(Duration.ofMillis(100)).build(), IsolationLevel.STANDARD);
        PluginTerminatedError error = terminated(sample);
        assertEquals(Budget.CPU, error.budget());
        assertTrue(error.getMessage(), error.getMessage().contains("CPU time") && error.getMessage().contains("0.100 s"));
        assertEquals(error, containment.end(sample.run));
        awaitViolation(ViolationKind.CPU_TIME);
    }

    @Test
    public void wallTimeBudgetEndsAnExecutionAsTimeout() throws Exception {
        Sample sample = start("Runaways", "sleepIgnoringInterrupts",
                limits().executionTime(Duration.ofMillis(100)).build(), IsolationLevel.STANDARD);
        assertEquals(Budget.TIMEOUT, terminated(sample).budget());
    }

    @Test
    public void allocationBombIsStopped() throws Exception {
        long budget = 16L << 20;
        Sample sample = start("Bombs", "allocate", limits().allocatedBytes(budget).build(), IsolationLevel.STANDARD);
        PluginTerminatedError error = terminated(sample);
        assertEquals(Budget.ALLOCATION, error.budget());
        assertTrue(error.getMessage(), error.getMessage().contains("16,777,216 bytes"));
        assertTrue(sample.allocatedInAll > budget);
        awaitViolation(ViolationKind.ALLOCATION);
    }

    @Test
    public void threadBombEndsWithThreadsExceededAndItsThreadsEnd() throws Exception {
        Sample sample = start("Bombs", "threads", limits().maxThreads(4).build(), IsolationLevel.STANDARD);
        assertEquals(Budget.THREADS, terminated(sample).budget());
        Sample.await(() -> ownership.liveThreads(plugin).isEmpty());
        awaitViolation(ViolationKind.THREADS);
    }

    @Test
    public void unjoinedBusyThreadIsHeldToTheBudgetOfTheExecutionThatStartedIt() throws Exception {
        Sample sample = start("Bombs", "busyBackground", limits().cpuTime(Duration.ofMillis(100)).build(), IsolationLevel.STANDARD);
        assertNull(sample.join());
        assertNull("the execution itself returned within its budget", containment.end(sample.run));
        Sample.await(() -> ownership.liveThreads(plugin).isEmpty());
        awaitViolation(ViolationKind.CPU_TIME);
    }

    @Test
    public void minimalLevelMeasuresButDoesNotStop() throws Exception {
        Sample sample = start("Runaways", "spin", limits().cpuTime(Duration.ofMillis(50)).build(), IsolationLevel.MINIMAL);
        Sample.await(() -> sample.run.verdict() != null);
        assertTrue(sample.thread.isAlive());
        assertNull(Condemned.of(sample.thread));
        Sample.await(() -> violations.stream().anyMatch(v -> v.kind() == ViolationKind.CPU_TIME && !v.enforced()));
        assertTrue(sample.thread.isAlive());
    }

    @Test
    public void stopEndsThreadsSleepingInALoopThatIgnoresInterrupts() throws Exception {
        for (int i = 0; i < 3; i++) {
            new Sample(new WovenLoader(plugin), "Bombs").start(group, "sleepForever", new Class<?>[0]);
        }
        Sample.await(() -> ownership.liveThreads(plugin).size() == 3);
        assertEquals(List.of(), containment.stop(plugin, Duration.ofSeconds(30)));
        assertTrue(ownership.liveThreads(plugin).isEmpty());
    }

    @Test
    public void stopReportsUnwovenResidueByNameAndStack() throws Exception {
        Object release = new Object();
        boolean[] done = {false};
        Thread stubborn = new Thread(group, () -> {
            synchronized (release) {
                while (!done[0]) {
                    try {
                        release.wait();
                    } catch (InterruptedException ignored) {
                        // unwoven code: nothing polls here, so only the report is left
                    }
                }
            }
        }, "stubborn-residue");
        stubborn.start();
        List<String> residue = containment.stop(plugin, Duration.ofMillis(200));
        assertEquals(List.of("stubborn-residue"), residue);
        Violation reported = violations.stream().filter(v -> v.target().contains("stubborn-residue")).findFirst().orElseThrow();
        assertFalse(reported.pluginFrames().isEmpty());
        synchronized (release) {
            done[0] = true;
            release.notifyAll();
        }
        stubborn.join();
    }

    @Test
    public void overTheThreadQuotaTheGuardsThreadStartEndsTheExecution() throws Exception {
        PluginLimits oneThread = limits().maxThreads(1).build();
        IsolationConfig config = IsolationConfig.DEFAULTS.withLimits(oneThread);
        Sample sample = start("Runaways", "sleepIgnoringInterrupts", oneThread, IsolationLevel.STANDARD);
        ThreadQuota.use(containment);
        try {
            assertTrue("the execution thread is not counted", ThreadQuota.admits(plugin, config));
            Sample extra = new Sample(new WovenLoader(plugin), "Runaways");
            extra.start(group, "sleepIgnoringInterrupts", new Class<?>[0]);
            assertFalse("one live plugin thread: at the quota of 1", ThreadQuota.admits(plugin, config));
            PluginTerminatedError[] thrown = new PluginTerminatedError[1];
            Thread starter = new Thread(group, () -> {
                try {
                    ThreadQuota.refuse(plugin, config);
                } catch (PluginTerminatedError expected) {
                    thrown[0] = expected;
                }
            });
            starter.start();
            starter.join();
            assertEquals(Budget.THREADS, thrown[0].budget());
            assertTrue(thrown[0].getMessage(), thrown[0].getMessage().contains("over the budget of 1"));
            assertEquals("the execution ends with the same verdict", thrown[0], terminated(sample));
            assertEquals(Budget.THREADS, terminated(extra).budget());
            awaitViolation(ViolationKind.THREADS);
        } finally {
            ThreadQuota.use(null);
        }
    }

    @Test
    public void theThreadQuotaIsTheLimitCappedAtStrictAndOnlyMeasuredAtMinimal() throws Exception {
        PluginLimits eight = limits().maxThreads(8).build();
        assertEquals(8, ThreadQuota.quota(IsolationLevel.STANDARD, eight));
        assertEquals(ThreadQuota.STRICT_CAP, ThreadQuota.quota(IsolationLevel.STRICT, eight));
        assertEquals(1, ThreadQuota.quota(IsolationLevel.STRICT, limits().maxThreads(1).build()));
        assertFalse("fails closed without containment", ThreadQuota.admits(plugin, IsolationConfig.DEFAULTS));
        PluginLimits none = limits().maxThreads(0).build();
        Sample sample = start("Runaways", "sleepIgnoringInterrupts", none, IsolationLevel.MINIMAL);
        ThreadQuota.use(containment);
        try {
            // the guard records at MINIMAL itself (audit) and never refuses; a refusal there ends nothing
            ThreadQuota.refuse(plugin, IsolationConfig.DEFAULTS.withLimits(none).withLevel(IsolationLevel.MINIMAL));
            assertNull(sample.run.verdict());
            assertTrue(sample.thread.isAlive());
        } finally {
            ThreadQuota.use(null);
        }
    }

    @Test
    public void theWatchdogLooksAtTheShortestCheckIntervalOfItsRuns() throws Exception {
        assertEquals("no run: the default", 10, containment.watchdogInterval());
        IsolationConfig slow = IsolationConfig.DEFAULTS.withLimits(limits().build());
        slow = new IsolationConfig(slow.level(), slow.limits(), true, Duration.ofMinutes(1));
        Sample sleeper = new Sample(new WovenLoader(plugin), "Runaways");
        sleeper.start(group, "sleepIgnoringInterrupts", new Class<?>[0]);
        Run slowRun = containment.begin(plugin, slow, sleeper.thread);
        assertEquals(60_000, containment.watchdogInterval());
        // Watched at 1 min, the watchdog looks when the run begins (once, or twice if the wake-up met a look in
        // progress) and then not again for a minute; at the default 10 ms it would look ~30 times in 300 ms. A loaded
        // machine can only make it look less often, so this cannot fail for lack of CPU.
        Thread.sleep(200);
        long before = containment.watchdogTicks();
        Thread.sleep(300);
        assertTrue("looked " + (containment.watchdogTicks() - before) + " times in 300 ms at a 1 min interval",
                containment.watchdogTicks() - before <= 2);
        Sample fast = new Sample(new WovenLoader(plugin), "Runaways");
        fast.start(group, "sleepIgnoringInterrupts", new Class<?>[0]);
        containment.begin(plugin, new IsolationConfig(slow.level(), slow.limits(), true, Duration.ofMillis(2)), fast.thread);
        assertEquals("the shortest interval wins", 2, containment.watchdogInterval());
        long woken = containment.watchdogTicks();
        Sample.await(() -> containment.watchdogTicks() > woken + 20);
        assertTrue(slowRun.verdict() == null);
    }
}
