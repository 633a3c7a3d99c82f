package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;

/**
 * Every action of the hostile corpus (see {@link HostileCorpus}) run in Felix, woven by the real weaving hook:
 * hostile.corpus at STANDARD and at STRICT (set through Configuration Admin, applied to the running plugin), and
 * hostile.corpus.granted at STANDARD with what its header asks granted. A denial must come with a violation of the
 * row's permission for the plugin. All mismatches are collected, so one run shows the whole picture.
 */
public class HostileCorpusIT extends CorpusTestSupport {
    private ServerSocket server;
    private Thread acceptor;

    /** Runs after the corpus is installed ({@link CorpusTestSupport#installTheCorpus}). */
    @Before
    public void prepare() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().available();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "corpus-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @After
    public void cleanUp() throws Exception {
        server.close();
        acceptor.join(5_000);
    }

    @Test
    public void everyCorpusActionEndsAsTheTableSays() throws Exception {
        runTheTableBothWays("granted: file;", HostileCorpus.CASES.size());
    }

    /**
     * MINIMAL denies nothing and records what STANDARD would deny as a violation that was not enforced. Only actions
     * that are harmless when they succeed run here (no exit, no halt).
     */
    @Test
    public void minimalRunsEverythingAndRecordsIt() throws Exception {
        execute(CORPUS, Map.of("action", "none"));
        policy(CORPUS, "MINIMAL", null);
        awaitGuard(CORPUS, IsolationLevel.MINIMAL);
        ViolationService violations = awaitService(ViolationService.class);
        List<String> mismatches = new ArrayList<>();
        for (String action : List.of("A6.filesReadString", "A5.fileWriter", "A10.socket", "A18.setProperty",
                "G5.locale", "H1.subclassReceiver", "H3.superConstructorFile")) {
            Instant before = Instant.now();
            ExecutionResult r = execute(CORPUS, Map.of("action", action, "path", freshTarget().toString(),
                    "dir", dir.toString(), "port", String.valueOf(server.getLocalPort())));
            if (r.status() != ExecutionStatus.SUCCESS) {
                mismatches.add(action + ": " + r.status() + " " + r.error());
                continue;
            }
            try {
                Await.untilTrue("an unenforced violation for " + action, () -> violations.recent(50).stream()
                        .anyMatch(v -> v.pluginId().equals(CORPUS) && !v.enforced() && !v.time().isBefore(before)));
            } catch (AssertionError e) {
                mismatches.add(action + ": no unenforced violation recorded");
            }
        }
        assertTrue(String.join("\n", mismatches), mismatches.isEmpty());
        assertTrue("the audit log lists the calls: " + guard(CORPUS), guard(CORPUS).contains("java.nio.file.Files.readString"));
        String apis = gogo("sandbox:apis exit").text();
        assertTrue("sandbox:apis prints the table: " + apis, apis.contains("java.lang.System.exit") && apis.contains(" rows"));
    }

    @Test
    public void theTableCoversEveryCatalogueEntryOfGroupsAGH() {
        List<String> entries = new ArrayList<>();
        HostileCorpus.CASES.forEach(c -> entries.add(c.entry()));
        HostileCorpus.NOT_IN_CORPUS.forEach(n -> entries.add(n.entry()));
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            if (!entries.contains("A" + i)) {
                missing.add("A" + i);
            }
        }
        for (int i = 1; i <= 10; i++) {
            if (!entries.contains("G" + i)) {
                missing.add("G" + i);
            }
        }
        for (int i = 1; i <= 12; i++) {
            if (!entries.contains("H" + i)) {
                missing.add("H" + i);
            }
        }
        assertEquals("catalogue entries neither in the corpus nor explained", List.of(), missing);
    }

    @Override
    protected void runAll(String plugin, String column, List<String> mismatches) throws Exception {
        ViolationService violations = awaitService(ViolationService.class);
        for (HostileCorpus.Case c : HostileCorpus.CASES) {
            HostileCorpus.Outcome expected = expected(column, c.standard(), c.strict(), c.granted());
            Path target = freshTarget();
            if (column.equals("STRICT")) {
                awaitNoLingeringThreads(plugin, column + " " + c.action()); // the quota is 2: see the method
            }
            Instant before = Instant.now();
            ExecutionResult r = execute(plugin, Map.of("action", c.action(), "path", target.toString(),
                    "dir", dir.toString(), "port", String.valueOf(server.getLocalPort())));
            String problem = check(c, expected, r, plugin, before, violations);
            if (problem != null) {
                mismatches.add(column + " " + c.action() + ": expected " + expected + ", " + problem);
            }
        }
    }

    private static String check(HostileCorpus.Case c, HostileCorpus.Outcome expected, ExecutionResult r, String plugin,
                                Instant before, ViolationService violations) {
        switch (expected) {
            case ALLOWED:
                if (r.status() != ExecutionStatus.SUCCESS) {
                    return "got " + r.status() + " " + r.error();
                }
                if (c.result() != null && !c.result().equals(r.value().get("result"))) {
                    return "returned " + r.value();
                }
                return null;
            case REFUSED:
                return r.status() == ExecutionStatus.FAILED ? null : "got " + r.status() + " " + r.error();
            case OVER_QUOTA:
                if (r.status() != ExecutionStatus.THREADS_EXCEEDED) {
                    return "got " + r.status() + " " + r.error();
                }
                try {
                    Await.untilTrue("a THREADS violation of " + plugin, () -> violations.recent(50).stream()
                            .anyMatch(v -> v.pluginId().equals(plugin) && v.kind() == ViolationKind.THREADS
                                    && v.enforced() && !v.time().isBefore(before)));
                    return null;
                } catch (AssertionError e) {
                    return "over the quota but no THREADS violation was recorded (" + r.error() + ")";
                }
            default:
                if (r.status() != ExecutionStatus.DENIED) {
                    return "got " + r.status() + " " + r.error() + " " + r.value();
                }
                try {
                    Await.untilTrue("a " + c.permission() + " violation of " + plugin, () -> violations.recent(50).stream()
                            .anyMatch(v -> recorded(v, plugin, c, before)));
                    return null;
                } catch (AssertionError e) {
                    return "denied but no " + c.permission() + " violation was recorded (" + r.error() + ")";
                }
        }
    }

    private static boolean recorded(Violation v, String plugin, HostileCorpus.Case c, Instant before) {
        return v.pluginId().equals(plugin) && v.permission() == c.permission() && v.enforced() && !v.time().isBefore(before);
    }

    /** A file with known content, made anew before each run (some actions delete theirs). */
    private Path freshTarget() throws IOException {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, "corpus secret\n");
        return file;
    }

    /**
     * The legitimate thread variant starts 24 threads: the operator raises the quota (a thread grant does not lift
     * it: the quota is a budget, runaway's ThreadQuota).
     */
    @Override
    protected Map<String, Object> withGrants() {
        return Map.of("maxThreads", 32);
    }
}
