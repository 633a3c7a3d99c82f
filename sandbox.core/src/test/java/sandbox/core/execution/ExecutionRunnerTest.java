package sandbox.core.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationConfig;
import sandbox.api.IsolationLevel;
import sandbox.api.Plugin;
import sandbox.api.PluginLimits;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;

/** The execution path with real threads and a real plugin object; no framework is involved in it. */
public class ExecutionRunnerTest {
    private final ThreadGroup group = new ThreadGroup("sandbox-plugin:test.plugin");
    private final ClassLoader loader = new ClassLoader(null) { };
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutionRunner runner = new ExecutionRunner(new ExecutionEnding(() -> new ViolationService() {
        @Override
        public void report(Violation violation) {
            violations.add(violation);
        }

        @Override
        public List<Violation> recent(int limit) {
            return violations;
        }
    }));

    @After
    public void releaseStuckPlugins() {
        release.countDown();
    }

    private ExecutionResult run(Plugin plugin) {
        return run(plugin, IsolationConfig.DEFAULTS);
    }

    private ExecutionResult run(Plugin plugin, IsolationConfig config) {
        ExecutionContext context = ExecutionContext.of("test.plugin", Path.of("target/test-data"), Map.of("name", "Ada"));
        return runner.run(new ExecutionRequest("1.0.0", () -> plugin, context, group, loader, config, group::activeCount));
    }

    private static IsolationConfig limit(IsolationLevel level, Duration executionTime) {
        return IsolationConfig.DEFAULTS.withLevel(level)
                .withLimits(PluginLimits.builder().executionTime(executionTime).build());
    }

    @Test
    public void aPluginRunsOnItsOwnThreadAndItsCostIsMeasured() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        ExecutionResult r = run(ctx -> {
            ranOn.set(Thread.currentThread());
            StringBuilder work = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                work.append(i % 10);
            }
            return Map.of("message", "Hello, " + ctx.input().get("name") + "!", "length", String.valueOf(work.length()));
        });
        assertEquals(ExecutionStatus.SUCCESS, r.status());
        assertEquals("Hello, Ada!", r.value().get("message"));
        assertNull(r.error());
        assertTrue("CPU measured", r.telemetry().cpuNanos() > 0);
        assertTrue("allocation measured", r.telemetry().allocatedBytes() > 20_000);
        assertTrue(r.telemetry().wallNanos() > 0);
        assertEquals(1, r.telemetry().peakThreads());
        assertFalse(ranOn.get() == Thread.currentThread());
    }

    @Test
    public void theThreadIsBornInThePluginsGroupWithThePluginsContextLoader() {
        AtomicReference<ThreadGroup> seenGroup = new AtomicReference<>();
        AtomicReference<ClassLoader> seenLoader = new AtomicReference<>();
        run(ctx -> {
            seenGroup.set(Thread.currentThread().getThreadGroup());
            seenLoader.set(Thread.currentThread().getContextClassLoader());
            return null;
        });
        assertSame(group, seenGroup.get());
        assertSame(loader, seenLoader.get());
    }

    @Test
    public void anExceptionBecomesFailedWithClassAndMessage() {
        ExecutionResult r = run(ctx -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertEquals("java.lang.IllegalStateException: boom", r.error());
        assertTrue(r.value().isEmpty());
    }

    @Test
    public void anErrorIsContainedToo() {
        ExecutionResult r = run(new Plugin() {
            @Override
            public Map<String, String> execute(sandbox.api.PluginContext ctx) {
                return execute(ctx);
            }
        });
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertTrue(r.error(), r.error().contains("stack overflow") && r.error().contains("call depth over the budget")); // runaway: StackDepth
    }

    @Test
    public void aSecurityExceptionEvenWrappedIsADenial() {
        ExecutionResult r = run(ctx -> {
            throw new RuntimeException("wrapped", new SecurityException("file read /etc/shadow denied"));
        });
        assertEquals(ExecutionStatus.DENIED, r.status());
        assertEquals("java.lang.SecurityException: file read /etc/shadow denied", r.error());
    }

    @Test
    public void aBrokenGetMessageDoesNotEscape() {
        ExecutionResult r = run(ctx -> {
            throw new RuntimeException() {
                @Override
                public String getMessage() {
                    throw new IllegalStateException("no message for you");
                }
            };
        });
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertTrue(r.error(), r.error().contains("getMessage threw java.lang.IllegalStateException"));
    }

    @Test
    public void theResultMapIsCopiedOnThePluginsThread() {
        AtomicReference<ThreadGroup> iteratedIn = new AtomicReference<>();
        Map<String, String> sneaky = new AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                iteratedIn.set(Thread.currentThread().getThreadGroup());
                return Map.of("k", "v").entrySet();
            }
        };
        ExecutionResult r = run(ctx -> sneaky);
        assertEquals(Map.of("k", "v"), r.value());
        assertSame(group, iteratedIn.get());
    }

    @Test
    public void aNullValueInTheResultIsThePluginsFailure() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        ExecutionResult r = run(ctx -> withNull);
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertTrue(r.error(), r.error().contains("'k' to null"));
    }

    @Test
    public void overTheTimeLimitTheThreadIsInterruptedAndTheResultIsTimeout() {
        ExecutionResult r = run(ctx -> {
            Thread.sleep(60_000);
            return Map.of();
        }, limit(IsolationLevel.STANDARD, Duration.ofMillis(100)));
        assertEquals(ExecutionStatus.TIMEOUT, r.status());
        assertTrue(r.error(), r.error().contains("100 ms") && r.error().endsWith("interrupted"));
        assertEquals(1, violations.size());
        assertEquals(ViolationKind.EXECUTION_TIME, violations.get(0).kind());
        assertTrue(violations.get(0).enforced());
    }

    @Test
    public void aPluginIgnoringTheInterruptIsStillReportedAsTimeout() {
        ExecutionResult r = run(ctx -> {
            while (true) {
                try {
                    release.await();
                    return Map.of();
                } catch (InterruptedException ignored) {
                    // a badly behaved plugin swallows the interrupt
                }
            }
        }, limit(IsolationLevel.STANDARD, Duration.ofMillis(50)));
        assertEquals(ExecutionStatus.TIMEOUT, r.status());
        assertTrue(r.error(), r.error().contains("did not stop"));
    }

    @Test
    public void atMinimalAnOverrunIsRecordedButNotEnforced() {
        ExecutionResult r = run(ctx -> {
            Thread.sleep(300);
            return Map.of("done", "yes");
        }, limit(IsolationLevel.MINIMAL, Duration.ofMillis(20)));
        assertEquals(ExecutionStatus.SUCCESS, r.status());
        assertEquals(1, violations.size());
        assertFalse(violations.get(0).enforced());
    }

    @Test
    public void anInterruptedCallerGetsKilled() {
        Thread.currentThread().interrupt();
        try {
            ExecutionResult r = run(ctx -> {
                release.await();
                return Map.of();
            });
            assertEquals(ExecutionStatus.KILLED, r.status());
            assertTrue("the caller's interrupt is kept", Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void failingToObtainThePluginIsAFailure() {
        ExecutionContext context = ExecutionContext.of("test.plugin", Path.of("target"), Map.of());
        ExecutionResult r = runner.run(new ExecutionRequest("1.0.0", () -> {
            throw new IllegalStateException("component failed to activate");
        }, context, group, loader, IsolationConfig.DEFAULTS, group::activeCount));
        assertEquals(ExecutionStatus.FAILED, r.status());
        assertTrue(r.error(), r.error().contains("component failed to activate"));
    }
}
