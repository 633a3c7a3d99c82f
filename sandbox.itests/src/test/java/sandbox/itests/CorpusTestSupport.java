package sandbox.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.osgi.framework.ServiceReference;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginActivity;
import sandbox.api.PluginState;

/**
 * What the corpus tests share: a corpus table is run in Felix the same way whichever table it is. hostile.corpus at
 * STANDARD and then STRICT (policy set through Configuration Admin and applied to the running plugin), then
 * hostile.corpus.granted at STANDARD with what its header asks granted; every mismatch is collected, so one run shows
 * the whole picture. Each test class says how one column of its table is run and checked ({@link #runAll}).
 */
public abstract class CorpusTestSupport extends SandboxTestSupport {
    protected static final String CORPUS = "hostile.corpus";
    protected static final String GRANTED = "hostile.corpus.granted";
    /** How long a thread an earlier action left may take to end (a loaded machine is slow to schedule it). */
    protected static final Duration LINGERING_WAIT = Duration.ofSeconds(10);

    /** The folder the actions' files live in: made before each test, deleted after it. */
    protected Path dir;

    @Before
    public void installTheCorpus() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "sandbox-corpus-");
        installPlugin(ReactorBundles.jar(CORPUS));
        installPlugin(ReactorBundles.jar(GRANTED));
        awaitPlugin(CORPUS, PluginState.READY);
        awaitPlugin(GRANTED, PluginState.READY);
    }

    @After
    public void deleteTheFolder() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Runs every case of the table against {@code plugin} and adds one line per case whose run differs from the
     * table's {@code column} ("STANDARD", "STRICT" or "GRANTED") to {@code mismatches}.
     */
    protected abstract void runAll(String plugin, String column, List<String> mismatches) throws Exception;

    /**
     * Runs the table's three columns and fails with every mismatch.
     *
     * @param grantsInForce what {@code sandbox:guard} shows for hostile.corpus.granted once its grants apply
     * @param cases the table's number of cases (the message counts runs out of three columns)
     */
    protected void runTheTableBothWays(String grantsInForce, int cases) throws Exception {
        List<String> mismatches = new ArrayList<>();
        // the plugins' classes are woven (and their guard handles made) when first loaded: load them
        execute(CORPUS, Map.of("action", "none"));
        execute(GRANTED, Map.of("action", "none"));
        policy(CORPUS, "STANDARD", null);
        awaitGuard(CORPUS, IsolationLevel.STANDARD);
        runAll(CORPUS, "STANDARD", mismatches);
        policy(CORPUS, "STRICT", null);
        awaitGuard(CORPUS, IsolationLevel.STRICT);
        runAll(CORPUS, "STRICT", mismatches);
        String header = sandbox.plugin(GRANTED).orElseThrow().requested().toHeader();
        policy(GRANTED, "STANDARD", header);
        Await.untilTrue("grants of " + GRANTED + " in force", () -> guard(GRANTED).contains(grantsInForce));
        runAll(GRANTED, "GRANTED", mismatches);
        assertTrue(mismatches.size() + " of " + 3 * cases + " runs differ from the table:\n"
                + String.join("\n", mismatches), mismatches.isEmpty());
    }

    /**
     * Waits (polling, at most {@link #LINGERING_WAIT}) until {@code plugin} owns no live thread, and fails naming each
     * thread still there. Call before an action at a level whose thread quota is small (STRICT: 2): a JDK thread an
     * earlier action started (a WatchService's poller closing asynchronously, a thread of A21 still unwinding from
     * its termination) would otherwise count against the next action, which ends THREADS_EXCEEDED the moment the
     * JDK starts one thread for it. A thread that never ends is a finding, not noise: the test fails on it.
     */
    protected void awaitNoLingeringThreads(String plugin, String beforeAction) throws InterruptedException {
        PluginActivity activity = awaitService(PluginActivity.class);
        long deadline = System.nanoTime() + LINGERING_WAIT.toNanos();
        List<Thread> live = activity.liveThreads(plugin);
        while (!live.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            live = activity.liveThreads(plugin);
        }
        if (!live.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (Thread t : live) {
                names.append("\n  ").append(t.getName()).append(" (").append(t.getState()).append(", group ")
                        .append(t.getThreadGroup()).append(") ").append(where(t.getStackTrace()));
            }
            throw new AssertionError(plugin + " still owns " + live.size() + " live thread(s) " + LINGERING_WAIT.toSeconds()
                    + " s after the previous action, before " + beforeAction + ":" + names);
        }
    }

    /** The top two frames (what it waits in) and the bottom three (what it is), enough to name a JDK thread. */
    private static String where(StackTraceElement[] stack) {
        List<StackTraceElement> frames = List.of(stack);
        if (frames.size() <= 5) {
            return frames.toString();
        }
        return frames.subList(0, 2) + " ... " + frames.subList(frames.size() - 3, frames.size());
    }

    /** The outcome a table row gives for {@code column}. */
    protected static HostileCorpus.Outcome expected(String column, HostileCorpus.Outcome standard,
                                                    HostileCorpus.Outcome strict, HostileCorpus.Outcome granted) {
        return switch (column) {
            case "STANDARD" -> standard;
            case "STRICT" -> strict;
            default -> granted;
        };
    }

    /** Further policy settings that go with the granted plugin's grants; none unless a test class needs them. */
    protected Map<String, Object> withGrants() {
        return Map.of();
    }

    protected String guard(String plugin) {
        try {
            return gogo("sandbox:guard " + plugin).text();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    protected void awaitGuard(String plugin, IsolationLevel level) {
        try {
            Await.untilTrue(plugin + " guarded at " + level, () -> guard(plugin).contains(" level " + level + " "));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; sandbox:guard says: " + guard(plugin) + " / " + guard(""), e);
        }
    }

    /**
     * Writes a {@code sandbox.policy} factory configuration through Configuration Admin, the way an operator does.
     * Reflection, because the probe is compiled without the Configuration Admin API.
     */
    protected void policy(String plugin, String level, String grants) throws Exception {
        ServiceReference<?> ref = Await.until("Configuration Admin",
                () -> java.util.Optional.ofNullable(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin")));
        Object admin = context.getService(ref);
        ClassLoader api = admin.getClass().getClassLoader();
        Class<?> adminType = api.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object config = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, "sandbox.policy", plugin.replace('.', '-'), "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("match", plugin);
        props.put("level", level);
        if (grants != null) {
            props.put("grants", new String[] {grants});
            withGrants().forEach(props::put);
        }
        Method update = api.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(config, props);
        context.ungetService(ref);
    }
}
