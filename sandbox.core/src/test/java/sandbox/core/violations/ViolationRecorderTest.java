package sandbox.core.violations;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import sandbox.api.PermissionKind;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationSeverity;
import sandbox.core.plugins.TrustedBundles;

public class ViolationRecorderTest {
    private final ViolationRecorder recorder = new ViolationRecorder();

    @After
    public void stop() {
        recorder.deactivate();
    }

    private static Violation violation(String plugin, String target) {
        return new Violation(ViolationKind.PERMISSION_DENIED, ViolationSeverity.ERROR, plugin, "1.0.0",
                PermissionKind.FILE, "java.io.FileInputStream.<init>", target, true, List.of("p.Main.run(Main.java:3)"),
                Instant.ofEpochMilli(1_000));
    }

    @Test
    public void theRingKeepsTheNewestFirstAndDropsTheOldest() {
        ViolationRing ring = new ViolationRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(violation("p", "/f" + i));
        }
        List<Violation> recent = ring.recent(10);
        assertEquals(List.of("/f5", "/f4", "/f3"), recent.stream().map(Violation::target).toList());
        assertEquals(List.of("/f5"), ring.recent(1).stream().map(Violation::target).toList());
        assertTrue(ring.recent(0).isEmpty());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aNegativeLimitIsRejected() {
        new ViolationRing(3).recent(-1);
    }

    @Test
    public void everyTrustedListenerGetsEveryViolationInOrderEvenAfterOneThrows() throws InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        recorder.start(10, new TrustedBundles("file:/opt/sandbox/bundle/"));
        recorder.subscribe(v -> {
            throw new IllegalStateException("listener bug");
        }, 0, "System Bundle");
        recorder.subscribe(v -> received.add(v.target()), 7, "file:/opt/sandbox/bundle/sandbox.monitor.jar");
        recorder.report(violation("p", "/a"));
        recorder.report(violation("p", "/b"));
        assertEquals("/a", received.poll(10, TimeUnit.SECONDS));
        assertEquals("/b", received.poll(10, TimeUnit.SECONDS));
        assertEquals(List.of("/b", "/a"), recorder.recent(5).stream().map(Violation::target).toList());
    }

    @Test
    public void aListenerRegisteredByAPluginIsNotCalled() throws InterruptedException {
        BlockingQueue<String> plugin = new LinkedBlockingQueue<>();
        BlockingQueue<String> trusted = new LinkedBlockingQueue<>();
        recorder.start(10, new TrustedBundles("file:/opt/sandbox/bundle/"));
        recorder.subscribe(v -> plugin.add(v.target()), 12, "file:/opt/sandbox/deploy/spy.jar");
        recorder.subscribe(v -> trusted.add(v.target()), 0, null);
        recorder.report(violation("p", "/a"));
        // the trusted listener comes after the plugin's: once it has the violation, the plugin's turn is over
        assertEquals("/a", trusted.poll(10, TimeUnit.SECONDS));
        assertTrue(plugin.isEmpty());
    }

    @Test
    public void theDeliveryThreadIsNotBornOnTheReportingThread() throws InterruptedException {
        BlockingQueue<ThreadGroup> groups = new LinkedBlockingQueue<>();
        recorder.start(10, new TrustedBundles(null));
        recorder.subscribe(v -> groups.add(Thread.currentThread().getThreadGroup()), 0, null);
        ThreadGroup pluginGroup = new ThreadGroup("sandbox-plugin:p");
        Thread reporter = new Thread(pluginGroup, () -> recorder.report(violation("p", "/a")));
        reporter.start();
        reporter.join();
        ThreadGroup deliveredIn = groups.poll(10, TimeUnit.SECONDS);
        assertFalse(deliveredIn == pluginGroup);
        assertEquals(null, deliveredIn.getParent());
    }

    @Test
    public void eventAdminPropertiesDescribeTheViolation() {
        Violation v = violation("p", "/etc/shadow");
        assertEquals("sandbox/violation/PERMISSION_DENIED", EventAdminForwarder.topic(v));
        Map<String, Object> p = EventAdminForwarder.properties(v);
        assertEquals("p", p.get("plugin.id"));
        assertEquals("1.0.0", p.get("plugin.version"));
        assertEquals("file", p.get("permission"));
        assertEquals("java.io.FileInputStream.<init>", p.get("operation"));
        assertEquals("/etc/shadow", p.get("target"));
        assertEquals(true, p.get("enforced"));
        assertEquals("ERROR", p.get("severity"));
        assertEquals(1_000L, p.get("time"));
        assertArrayEquals(new String[] {"p.Main.run(Main.java:3)"}, (String[]) p.get("plugin.frames"));
        Violation cpu = new Violation(ViolationKind.CPU_TIME, ViolationSeverity.WARNING, "p", "1", null, "cpu", "2100 ms",
                false, List.of(), Instant.EPOCH);
        assertFalse(EventAdminForwarder.properties(cpu).containsKey("permission"));
    }
}
