package sandbox.monitor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import sandbox.api.ExecutionResult;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginInfo;
import sandbox.api.PluginLimits;
import sandbox.api.PluginPermissions;
import sandbox.api.PluginState;
import sandbox.api.ResourceEvent;
import sandbox.api.ResourceKind;
import sandbox.api.ResourceLevel;
import sandbox.api.SandboxService;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.api.ViolationSeverity;
import sandbox.core.accounting.FileMeters;
import sandbox.core.accounting.IoAccount;
import sandbox.core.accounting.PluginAccounts;

/**
 * The monitor component with the core's real ledger and real files: crossing 80 % of the open-file quota is a
 * WARNING, crossing the quota an ERROR, each a violation and a listener event; going back is a NORMAL event only.
 */
public class ResourceMonitorImplTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final PluginAccounts accounts = new PluginAccounts();
    private final ResourceMonitorImpl monitor = new ResourceMonitorImpl();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final List<ResourceEvent> events = new CopyOnWriteArrayList<>();
    private final List<OutputStream> open = new ArrayList<>();

    @After
    public void deactivate() throws Exception {
        for (OutputStream out : open) {
            out.close();
        }
        monitor.deactivate();
    }

    @Test
    public void openFileQuotaCrossingsBecomeEventsAndViolations() throws Exception {
        start(PluginLimits.builder().maxOpenFiles(5).build());
        IoAccount io = accounts.ioAccount("files");
        openFiles(io, 3);
        monitor.sampleNow();
        assertTrue(events.isEmpty());

        openFiles(io, 1); // 4 of 5 = 80 %
        monitor.sampleNow();
        openFiles(io, 2); // 6 of 5
        monitor.sampleNow();
        monitor.sampleNow(); // staying over: no new event
        for (OutputStream out : open) {
            out.close();
        }
        monitor.sampleNow();

        assertEquals(List.of(ResourceLevel.WARNING, ResourceLevel.ERROR, ResourceLevel.NORMAL),
                events.stream().map(ResourceEvent::level).toList());
        assertEquals(2, violations.size());
        Violation error = violations.get(1);
        assertEquals(ViolationKind.OPEN_FILES, error.kind());
        assertEquals(ViolationSeverity.ERROR, error.severity());
        assertEquals("files", error.pluginId());
        assertEquals("1.2.3", error.pluginVersion());
        assertFalse("the monitor measures; it does not stop the operation", error.enforced());
        assertEquals("6 open files of limit 5 open files (120 %)", error.target());
        assertEquals(ResourceLevel.NORMAL, monitor.levels("files").get(ResourceKind.OPEN_FILES));
        assertEquals(6, monitor.usage("files").orElseThrow().io().fileOpens());
    }

    @Test
    public void withoutTheSandboxServiceUsageIsMeasuredButNothingHasLimits() throws Exception {
        activate(false);
        openFiles(accounts.ioAccount("files"), 100);
        monitor.sampleNow();
        assertTrue(events.isEmpty());
        assertEquals(100, monitor.snapshot().get(0).io().openFiles());
        assertEquals(Optional.empty(), monitor.usage("unknown"));
    }

    @Test
    public void aPluginIsSampledAtItsOwnCheckIntervalSoAShortThreadIsSeen() throws Exception {
        monitor.sandbox = sandboxWith(PluginLimits.DEFAULTS, Duration.ofMillis(10));
        monitor.activity = accounts;
        monitor.activate(config(true, 60_000)); // the monitor's own interval alone would miss the thread entirely
        long[] burned = new long[1];
        Thread shortLived = new Thread(accounts.threads().groupOf("files"), () -> {
            burned[0] = Work.burn(200);
            try {
                Thread.sleep(200); // many check intervals, so the last sample is the thread's final reading even on a busy machine
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        shortLived.start();
        shortLived.join();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (monitor.usage("files").map(u -> u.cpuNanos() < burned[0] * 0.9).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Work.assertWithin("CPU of a short thread, sampled every 10 ms by the monitor's own thread", burned[0],
                monitor.usage("files").orElseThrow().cpuNanos(), 0.10);
    }

    private void start(PluginLimits limits) {
        monitor.sandbox = sandboxWith(limits, Duration.ofMillis(10));
        activate(true);
    }

    private static SandboxService sandboxWith(PluginLimits limits, Duration checkInterval) {
        IsolationConfig config = new IsolationConfig(IsolationLevel.STANDARD, limits, true, checkInterval);
        PluginInfo info = new PluginInfo("files", "1.2.3", 7, PluginState.READY, config, PluginPermissions.NONE, PluginPermissions.NONE);
        return new SandboxService() {
            @Override
            public List<PluginInfo> plugins() {
                return List.of(info);
            }

            @Override
            public Optional<PluginInfo> plugin(String pluginId) {
                return Optional.of(info).filter(i -> i.id().equals(pluginId));
            }

            @Override
            public ExecutionResult execute(String pluginId, Map<String, String> input) {
                throw new UnsupportedOperationException("not executed by the monitor");
            }
        };
    }

    private void activate(boolean withViolations) {
        monitor.activity = accounts;
        if (withViolations) {
            monitor.violations = new ViolationService() {
                @Override
                public void report(Violation violation) {
                    violations.add(violation);
                }

                @Override
                public List<Violation> recent(int limit) {
                    return List.copyOf(violations);
                }
            };
        }
        monitor.listeners.add(events::add);
        monitor.activate(config(false, 1000));
    }

    private void openFiles(IoAccount io, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            open.add(FileMeters.output(io, Files.newOutputStream(folder.newFile().toPath())));
        }
    }

    static MonitorConfig config(boolean realTime, long intervalMillis) {
        return new MonitorConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MonitorConfig.class;
            }

            @Override
            public long intervalMillis() {
                return intervalMillis;
            }

            @Override
            public boolean realTime() {
                return realTime;
            }

            @Override
            public int warningPercent() {
                return 80;
            }

            @Override
            public int errorPercent() {
                return 100;
            }

            @Override
            public int systemIntervalSeconds() {
                return 0;
            }
        };
    }
}
