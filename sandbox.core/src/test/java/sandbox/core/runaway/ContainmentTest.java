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
    public void threadQuotaCheckEndsTheExecutionThatGoesOverIt() throws Exception {
        Sample sample = start("Runaways", "sleepIgnoringInterrupts", limits().maxThreads(0).build(), IsolationLevel.STANDARD);
        Thread checker = new Thread(group, () -> {
            try {
                containment.checkThreadQuota(plugin);
            } catch (PluginTerminatedError expected) {
                assertEquals(Budget.THREADS, expected.budget());
            }
        });
        sample.run.costs.size(); // the checker is a thread of the plugin: attributed to the run by the watchdog
        checker.start();
        checker.join();
        Sample.await(() -> sample.run.verdict() != null);
        assertEquals(Budget.THREADS, sample.run.verdict().budget());
        assertEquals(Budget.THREADS, terminated(sample).budget());
    }
}
