package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import sandbox.api.ExecutionResult;
import sandbox.api.PluginActivity;
import sandbox.api.PluginState;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;
import sandbox.api.ResourceListener;
import sandbox.api.ResourceMonitor;
import sandbox.api.ResourceUsage;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.api.ViolationSeverity;

/**
 * Accounting by the resource monitor in a real container with a real plugin bundle (fixture.workload) doing known work: the
 * monitor's figures are compared with what the plugin measured on its own threads. Comparisons are of quantities,
 * never of durations. The monitor samples every 10 ms here, and the fixture's threads linger 100 ms after their
 * work, so a thread's last sample is its final reading (docs/monitor.md, "sampling gap").
 *
 * <p>Work the plugin hands to threads and pools is routed by the weaving guard through the core's OwnedTasks
 * (TaskApiRows): its own thread and its pool's threads are charged from their first instruction to their last, and
 * {@code CompletableFuture.supplyAsync} on the JDK's common pool is charged for the task only, not the pool thread.
 */
public class ResourceAccountingIT extends SandboxTestSupport {
    private static final String WORKLOAD = "fixture.workload";
    private static final String IDLE = "fixture.idle";
    private static final long MB = 1024 * 1024;

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(SandboxContainerOptions.container(),
                CoreOptions.bundle(ReactorBundles.location(ReactorBundles.jar(WORKLOAD))).startLevel(SandboxContainerOptions.PLUGIN_LEVEL));
    }

    @Test
    public void cpuOnItsOwnThreadOnAPoolItCreatedAndThroughSupplyAsyncIsAttributedWithinTenPercent() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        PluginActivity activity = awaitService(PluginActivity.class);
        for (String action : List.of("cpu-thread", "cpu-pool", "cpu-async")) {
            run(action, Map.of("millis", "5")); // warm-up: classes loaded (and woven) before measuring
            long before = cpu(monitor, WORKLOAD);
            long tasksBefore = activity.finishedTaskCost(WORKLOAD).cpuNanos();
            ExecutionResult result = run(action, Map.of("millis", "1000"));
            long measured = Long.parseLong(result.value().get("cpuNanos"));
            long attributed = cpu(monitor, WORKLOAD) - before;
            assertWithin(action + ": CPU attributed vs CPU the plugin's threads measured", measured, attributed, 0.10);
            // the work went through the guard's OwnedTasks routing: charged task by task, not only sampled (a pool
            // thread's cost arrives when its body returns, just after the pool reports termination)
            Await.untilTrue(action + ": charged task by task", () ->
                    activity.finishedTaskCost(WORKLOAD).cpuNanos() - tasksBefore >= measured);
        }
    }

    @Test
    public void aHostTaskOnTheCommonPoolRightAfterThePluginsIsNotChargedToIt() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        PluginActivity activity = awaitService(PluginActivity.class);
        run("cpu-async", Map.of("millis", "200"));   // the plugin's task on the common pool, charged to it
        long before = cpu(monitor, WORKLOAD);
        long hostBurned = 500_000_000L;
        java.util.Optional<String> ownerDuringHostTask = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            java.util.Optional<String> owner = activity.ownerOf(Thread.currentThread());
            burn(hostBurned);
            return owner;
        }).get(60, java.util.concurrent.TimeUnit.SECONDS);
        long after = cpu(monitor, WORKLOAD);
        assertEquals("the pool thread went back to the JDK after the plugin's task", java.util.Optional.empty(),
                ownerDuringHostTask);
        assertTrue("the host's " + hostBurned + " ns on the common pool charged to the plugin: " + (after - before) + " ns",
                after - before < hostBurned / 10);
    }

    private static void burn(long cpuNanos) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        long x = 0;
        while (mx.getCurrentThreadCpuTime() - start < cpuNanos) {
            x += System.nanoTime() ^ x;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    @Test
    public void oneHundredMegabytesAllocatedIsAttributedWithinFivePercent() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        run("allocate", Map.of("bytes", Long.toString(MB)));
        long before = allocated(monitor, WORKLOAD);
        long asked = Long.parseLong(run("allocate", Map.of("bytes", Long.toString(100 * MB))).value().get("allocated"));
        long attributed = allocated(monitor, WORKLOAD) - before;
        assertWithin("allocation attributed", asked, attributed, 0.05);
    }

    @Test
    public void tenMegabytesWrittenToItsDataFolderAreCountedExactly() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        long before = usage(monitor, WORKLOAD).io().fileBytesWritten();
        run("write-file", Map.of("bytes", Long.toString(10 * MB)));
        ResourceUsage after = usage(monitor, WORKLOAD);
        assertEquals(10 * MB, after.io().fileBytesWritten() - before);
        assertEquals("the file was closed", 0, after.io().openFiles());
    }

    @Test
    public void tenMegabytesSentOverLoopbackAreCountedExactly() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        try (Receiver receiver = new Receiver()) {
            ResourceUsage before = usage(monitor, WORKLOAD);
            run("send", Map.of("bytes", Long.toString(10 * MB), "port", Integer.toString(receiver.port())));
            assertEquals("bytes that arrived", 10 * MB, receiver.received());
            ResourceUsage after = usage(monitor, WORKLOAD);
            assertEquals(10 * MB, after.io().netBytesOut() - before.io().netBytesOut());
            assertEquals(1, after.io().connections() - before.io().connections());
            assertEquals("the socket was closed", 0, after.io().openSockets());
        }
    }

    @Test
    public void oneMegabytePerSecondSendsFiveMegabytesInFiveSecondsAndLosesNoByte() throws Exception {
        prepare(60_000, MB);
        try (Receiver receiver = new Receiver()) {
            long start = System.nanoTime();
            run("send", Map.of("bytes", Long.toString(5 * MB), "port", Integer.toString(receiver.port())));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("bytes that arrived", 5 * MB, receiver.received());
            // the limit is the quantity under test here: the time is what it controls (5 MB / 1 MB/s)
            assertTrue("5 MB at 1 MB/s took " + seconds + " s; expected 5 s ± 20 %", seconds >= 4.0 && seconds <= 6.0);
        }
    }

    /** A loopback server in the (trusted) probe that accepts one connection and counts what arrives. */
    private static final class Receiver implements AutoCloseable {
        private final java.net.ServerSocket server;
        private final java.util.concurrent.CompletableFuture<Long> count = new java.util.concurrent.CompletableFuture<>();

        Receiver() throws java.io.IOException {
            server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (java.net.Socket s = server.accept(); java.io.InputStream in = s.getInputStream()) {
                    count.complete(in.transferTo(java.io.OutputStream.nullOutputStream()));
                } catch (java.io.IOException e) {
                    count.completeExceptionally(e);
                }
            }, "monitor-it-receiver");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        long received() throws Exception {
            return count.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }

    @Test
    public void anIdlePluginShowsAlmostNothingBesideABusyOne() throws Exception {
        ResourceMonitor monitor = prepare(60_000);
        Path idleJar = PluginJars.withHeaders(ReactorBundles.jar(WORKLOAD), scratchDir().resolve("fixture.idle.jar"),
                Map.of("Bundle-SymbolicName", IDLE));
        installPlugin(idleJar);
        awaitPlugin(IDLE, PluginState.READY);
        run(IDLE, "idle", Map.of());
        long idleBefore = cpu(monitor, IDLE);
        run("cpu-thread", Map.of("millis", "1000"));
        run(IDLE, "idle", Map.of());
        ResourceUsage busy = usage(monitor, WORKLOAD);
        ResourceUsage idle = usage(monitor, IDLE);
        assertTrue("busy plugin: " + busy, busy.cpuNanos() >= 900_000_000L);
        assertTrue("idle plugin's CPU over the busy one's run: " + (idle.cpuNanos() - idleBefore) + " ns",
                idle.cpuNanos() - idleBefore < 50_000_000L);
        assertTrue("idle plugin's allocation in all: " + idle.allocatedBytes(), idle.allocatedBytes() < 10 * MB);
        assertEquals(0, idle.liveThreads());
    }

    @Test
    public void crossingEightyPercentOfTheCpuBudgetIsAWarningEventAndViolation() throws Exception {
        ResourceMonitor monitor = prepare(1_000);
        List<ResourceEvent> events = new CopyOnWriteArrayList<>();
        List<org.osgi.service.event.Event> posted = new CopyOnWriteArrayList<>();
        ServiceRegistration<ResourceListener> listener = context.registerService(ResourceListener.class, events::add, null);
        Dictionary<String, Object> topics = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, ResourceEvent.TOPIC_PREFIX + "*"));
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, posted::add, topics);
        try {
            run("cpu-thread", Map.of("millis", "850")); // 85 % of the 1 s budget within the minute window
            monitor.sampleNow();
            ResourceEvent warning = Await.until("a CPU WARNING event (events so far " + events + ")", () -> events.stream()
                    .filter(e -> e.pluginId().equals(WORKLOAD) && e.resource() == ResourceKind.CPU).findFirst());
            assertEquals(ResourceLevel.WARNING, warning.level());
            assertEquals(1_000_000_000L, warning.limit());
            Violation v = Await.until("a CPU_TIME violation from the monitor", () -> awaitViolations().recent(50).stream()
                    .filter(x -> x.pluginId().equals(WORKLOAD) && x.kind() == ViolationKind.CPU_TIME
                            && x.operation().equals("monitor:cpu")).findFirst());
            assertEquals(ViolationSeverity.WARNING, v.severity());
            org.osgi.service.event.Event event = Await.until("an Event Admin event on sandbox/resource/WARNING",
                    () -> posted.stream().filter(e -> e.getTopic().equals("sandbox/resource/WARNING")).findFirst());
            assertEquals(WORKLOAD, event.getProperty("plugin.id"));
            assertEquals("CPU", event.getProperty("resource"));
        } finally {
            listener.unregister();
            handler.unregister();
        }
    }

    @Test
    public void gogoUsageShowsThePluginsFigures() throws Exception {
        prepare(60_000);
        run("allocate", Map.of("bytes", Long.toString(MB)));
        GogoSession.Output one = gogo("sandbox:usage " + WORKLOAD);
        assertTrue(one.text(), one.text().startsWith(WORKLOAD) && one.text().contains("allocated"));
        GogoSession.Output all = gogo("sandbox:usage");
        assertTrue(all.text(), all.text().contains(WORKLOAD));
    }

    /**
     * Sets the fixture's policy (CPU budget, generous other limits, loopback and management grants) and samples
     * every 10 ms.
     */
    private ResourceMonitor prepare(long cpuTimeMs) throws Exception {
        return prepare(cpuTimeMs, Long.MAX_VALUE);
    }

    private ResourceMonitor prepare(long cpuTimeMs, long bytesPerSecond) throws Exception {
        awaitService(ConfigurationAdmin.class);
        // held, not through awaitService: Configuration Admin is a service factory, and an ungot instance is disposed
        ConfigurationAdmin cm = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Dictionary<String, Object> policy = new Hashtable<>();
        policy.put("match", "fixture.*");
        policy.put("executionTimeMs", 60_000L);
        policy.put("cpuTimeMs", cpuTimeMs);
        policy.put("allocatedBytes", 1024 * MB);
        policy.put("networkBytesPerSecond", bytesPerSecond);
        policy.put("grants", new String[] {"network;target=\"127.0.0.1:*\";actions=\"connect\"",
                "jvm-global;target=\"*\";actions=\"modify\""}); // ManagementFactory: the fixture's own CPU readings
        cm.createFactoryConfiguration("sandbox.policy", "?").update(policy);
        Dictionary<String, Object> monitor = new Hashtable<>();
        monitor.put("intervalMillis", 10L);
        cm.getConfiguration("sandbox.monitor", "?").update(monitor);
        awaitPlugin(WORKLOAD, PluginState.READY);
        Await.untilTrue("the fixture's policy in force", () -> sandbox.plugin(WORKLOAD)
                .map(p -> p.config().limits().cpuTime().toMillis() == cpuTimeMs).orElse(false));
        run("idle", Map.of()); // the plugin has owned a thread: the monitor knows it from now on
        return awaitService(ResourceMonitor.class);
    }

    private ViolationService awaitViolations() {
        try {
            return awaitService(ViolationService.class);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private ExecutionResult run(String action, Map<String, String> input) {
        return run(WORKLOAD, action, input);
    }

    private ExecutionResult run(String pluginId, String action, Map<String, String> input) {
        Map<String, String> all = new java.util.HashMap<>(input);
        all.put("action", action);
        ExecutionResult result = execute(pluginId, all);
        assertTrue(pluginId + " " + action + ": " + result, result.succeeded());
        return result;
    }

    private static ResourceUsage usage(ResourceMonitor monitor, String pluginId) {
        monitor.sampleNow();
        return monitor.usage(pluginId).orElseThrow(() -> new AssertionError("the monitor has no usage for " + pluginId));
    }

    private static long cpu(ResourceMonitor monitor, String pluginId) {
        return usage(monitor, pluginId).cpuNanos();
    }

    private static long allocated(ResourceMonitor monitor, String pluginId) {
        return usage(monitor, pluginId).allocatedBytes();
    }

    private static void assertWithin(String what, long expected, long actual, double tolerance) {
        assertTrue(what + ": expected " + expected + " ± " + Math.round(tolerance * 100) + " %, was " + actual,
                Math.abs(actual - expected) <= expected * tolerance);
    }
}
