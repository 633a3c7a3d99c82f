package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PermissionKind;
import sandbox.api.ViolationService;

/**
 * The reflection and run-time-code actions of the hostile corpus ({@link ReflectionCorpus}) in Felix, woven by the
 * real hook: hostile.corpus at STANDARD and STRICT (Configuration Admin, applied to the running plugin) must be
 * denied with a violation of the row's permission; hostile.corpus.granted, with what its header asks granted, is
 * allowed except where nothing may be granted (the Sandbox's internals, sun.misc, sun.reflect).
 */
public class ReflectionCorpusIT extends CorpusTestSupport {

    @After
    public void cleanUp() {
        System.clearProperty("sandbox.corpus.reflect");
    }

    @Test
    public void everyReflectionActionEndsAsTheTableSays() throws Exception {
        runTheTableBothWays("class-definition;", ReflectionCorpus.CASES.size());
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

    @Override
    protected void runAll(String plugin, String column, List<String> mismatches) throws Exception {
        ViolationService violations = awaitService(ViolationService.class);
        for (ReflectionCorpus.Case c : ReflectionCorpus.CASES) {
            HostileCorpus.Outcome expected = expected(column, c.standard(), c.strict(), c.granted());
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
}
