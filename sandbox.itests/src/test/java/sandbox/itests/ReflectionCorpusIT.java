package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginState;
import sandbox.api.ViolationService;

/**
 * The reflection and run-time-code actions of the hostile corpus ({@link ReflectionCorpus}) in Felix, woven by the
 * real hook: hostile.corpus at STANDARD and STRICT (Configuration Admin, applied to the running plugin) must be
 * denied with a violation of the row's permission; hostile.corpus.granted, with what its header asks granted, is
 * allowed except where nothing may be granted (the Sandbox's internals, sun.misc, sun.reflect).
 */
public class ReflectionCorpusIT extends SandboxTestSupport {
    private static final String CORPUS = "hostile.corpus";
    private static final String GRANTED = "hostile.corpus.granted";
    private Path dir;

    @Before
    public void prepare() throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "sandbox-corpus-");
        installPlugin(ReactorBundles.jar(CORPUS));
        installPlugin(ReactorBundles.jar(GRANTED));
        awaitPlugin(CORPUS, PluginState.READY);
        awaitPlugin(GRANTED, PluginState.READY);
    }

    @After
    public void cleanUp() throws Exception {
        System.clearProperty("sandbox.corpus.reflect");
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    public void everyReflectionActionEndsAsTheTableSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
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
        Await.untilTrue("grants of " + GRANTED + " in force", () -> guard(GRANTED).contains("class-definition;"));
        runAll(GRANTED, "GRANTED", mismatches);
        assertTrue(mismatches.size() + " of " + 3 * ReflectionCorpus.CASES.size() + " runs differ from the table:\n"
                + String.join("\n", mismatches), mismatches.isEmpty());
    }

    @Test
    public void theTableCoversEveryCatalogueEntryOfGroupsBCD() {
        List<String> entries = new ArrayList<>();
        ReflectionCorpus.CASES.forEach(c -> entries.add(c.entry()));
        ReflectionCorpus.NOT_IN_CORPUS.forEach(n -> entries.add(n.entry()));
        List<String> missing = new ArrayList<>();
        for (String group : List.of("B11", "C12", "D12")) {
            for (int i = 1; i <= Integer.parseInt(group.substring(1)); i++) {
                String entry = group.charAt(0) + String.valueOf(i);
                if (!entries.contains(entry)) {
                    missing.add(entry);
                }
            }
        }
        assertEquals("catalogue entries neither in the corpus nor explained", List.of(), missing);
    }

    @Test
    public void gogoPrintsTheMetaLevelTable() throws Exception {
        String text = gogo("sandbox:reflectapis privateLookupIn").text();
        assertTrue(text, text.contains("LookupGuard.privateLookupIn") && text.contains("1 of "));
    }

    private void runAll(String plugin, String column, List<String> mismatches) throws Exception {
        ViolationService violations = awaitService(ViolationService.class);
        for (ReflectionCorpus.Case c : ReflectionCorpus.CASES) {
            HostileCorpus.Outcome expected = switch (column) {
                case "STANDARD" -> c.standard();
                case "STRICT" -> c.strict();
                default -> c.granted();
            };
            PermissionKind permission = column.equals("STRICT") ? c.strictPermission() : c.standardPermission();
            Instant before = Instant.now();
            ExecutionResult r = execute(plugin, Map.of("action", c.action(), "path", dir.resolve("f.txt").toString(),
                    "dir", dir.toString(), "port", "1"));
            String problem = check(c, expected, permission, r, plugin, before, violations);
            if (problem != null) {
                mismatches.add(column + " " + c.action() + ": expected " + expected + ", " + problem);
            }
        }
    }

    private static String check(ReflectionCorpus.Case c, HostileCorpus.Outcome expected, PermissionKind permission,
                                ExecutionResult r, String plugin, Instant before, ViolationService violations) {
        if (expected == HostileCorpus.Outcome.ALLOWED) {
            if (r.status() != ExecutionStatus.SUCCESS) {
                return "got " + r.status() + " " + r.error();
            }
            return c.result() != null && !c.result().equals(r.value().get("result")) ? "returned " + r.value() : null;
        }
        if (r.status() != ExecutionStatus.DENIED) {
            return "got " + r.status() + " " + r.error() + " " + r.value();
        }
        try {
            Await.untilTrue("a " + permission + " violation of " + plugin, () -> violations.recent(50).stream()
                    .anyMatch(v -> v.pluginId().equals(plugin) && v.permission() == permission && v.enforced()
                            && !v.time().isBefore(before) && !v.pluginFrames().isEmpty()));
            return null;
        } catch (AssertionError e) {
            return "denied but no " + permission + " violation with plugin frames was recorded (" + r.error() + ")";
        }
    }

    private String guard(String plugin) {
        try {
            return gogo("sandbox:guard " + plugin).text();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitGuard(String plugin, IsolationLevel level) {
        Await.untilTrue(plugin + " guarded at " + level, () -> guard(plugin).contains(" level " + level + " "));
    }

    /** A {@code sandbox.policy} factory configuration through Configuration Admin, by reflection (see HostileCorpusIT). */
    private void policy(String plugin, String level, String grants) throws Exception {
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
        }
        Method update = api.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(config, props);
        context.ungetService(ref);
    }
}
