package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.swing.ImageIcon;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceReference;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.PermissionKind;
import sandbox.api.PluginState;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.itests.UnlistedWrappers.Case;
import sandbox.itests.UnlistedWrappers.Evidence;
import sandbox.itests.UnlistedWrappers.Outcome;

/**
 * JDK wrappers that do file and network I/O for their caller and are not in the weaving guard's table
 * ({@link UnlistedWrappers}), run by the hostile.unlisted plugin in Felix: at STANDARD and at STRICT every action must
 * end DENIED with a violation of its permission naming the plugin and its target, and no I/O seen by the test (no
 * file made, no connection accepted, no secret returned); granted exactly the test's folder and ports (through
 * Configuration Admin on the running plugin) the same action must really do its I/O. Only a check below the wrapper
 * (the JDK sink layer, design.md layer 3) can pass this: the weaver never sees the JDK's own calls.
 */
public class UnlistedWrapperIT extends SandboxTestSupport {
    static final String PLUGIN = "hostile.unlisted";
    private static final String[] COLUMNS = {"STANDARD", "STRICT", "GRANTED"};

    private Path dir;
    private Map<String, String> proofs;
    private LoopbackServer silent;
    private LoopbackServer http;
    private LoopbackServer other;
    private int listenPort;
    private Path pkcs11Module;
    private int copies;

    @Before
    public void prepare() throws Exception {
        // the AWT actions are meant headless (as the launcher runs): with a display, XToolkit would talk to the X server
        assertTrue("the test JVM must be headless (no DISPLAY, or -Djava.awt.headless=true)", GraphicsEnvironment.isHeadless());
        dir = Files.createTempDirectory(Path.of("/tmp"), "sandbox-unlisted-");
        proofs = UnlistedFixtures.make(dir);
        pkcs11Module = UnlistedFixtures.pkcs11Module();
        silent = LoopbackServer.silent("unlisted-silent");
        other = LoopbackServer.http("unlisted-other", Map.of("/secret", bytes("second port")), Map.of());
        http = LoopbackServer.http("unlisted-http", Map.of("/unlisted.dtd", bytes("<!ENTITY greeting \"from the dtd\">"),
                "/sound.wav", UnlistedFixtures.wave()), Map.of("/redirect", "http://127.0.0.1:" + other.port() + "/secret"));
        try (ServerSocket free = new ServerSocket(0)) {
            listenPort = free.getLocalPort();
        }
        installPlugin(ReactorBundles.jar(PLUGIN));
        awaitPlugin(PLUGIN, PluginState.READY);
    }

    @After
    public void cleanUp() throws Exception {
        for (LoopbackServer s : new LoopbackServer[] {silent, http, other}) {
            if (s != null) {
                s.close();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** No wrapper of the table may become a row of the guard's table unnoticed: then it is no longer "unlisted". */
    @Test
    public void noWrapperIsARowOfTheSensitiveApiTable() throws Exception {
        List<String> listed = new ArrayList<>();
        for (Case c : UnlistedWrappers.CASES) {
            String rows = gogo("sandbox:apis '" + c.wrapper() + "'").text();
            if (UnlistedWrappers.NOW_GUARD_ROWS.contains(c.action())) {
                assertFalse(c.action() + " is a row of the guard's table now: " + rows, rows.contains("\n0 of "));
            } else if (!rows.contains("\n0 of ")) {
                listed.add(c.action() + " (" + c.wrapper() + "): " + rows);
            }
        }
        assertEquals("wrappers the sensitive-API table lists (move them to the hostile corpus)", List.of(), listed);
        // the same query finds a row the table has (the listed sibling of StreamSource(String)): the check can fail
        String sibling = gogo("sandbox:apis 'javax.xml.transform.stream.StreamSource.<init>(Ljava/io/File;)'").text();
        assertTrue("sandbox:apis finds a listed member: " + sibling, sibling.contains("\n1 of "));
    }

    @Test
    public void everyUnlistedWrapperIsDeniedAndRecordedUnlessGranted() throws Exception {
        assertEquals("the table's escapes and its NOT_DEFENDED list", List.of(), UnlistedWrappers.unexplainedEscapes());
        ViolationService violations = awaitService(ViolationService.class);
        execute(PLUGIN, Map.of("action", "none"));   // its classes are woven, its guard handle made
        Map<String, Map<String, String>> seen = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        int runs = 0;
        for (String column : COLUMNS) {
            applyPolicy(column);
            for (Case c : UnlistedWrappers.CASES) {
                Run run = run(c, column, violations);
                seen.computeIfAbsent(c.action(), k -> new LinkedHashMap<>()).put(column, run.cell());
                runs++;
                if (run.outcome != c.expected(column) && !UnlistedWrappers.stoppedAfterAll(c, column, run.outcome)) {
                    mismatches.add(column + " " + c.action() + ": expected " + c.expected(column) + ", " + run.detail);
                }
            }
        }
        String table = outcomeTable(seen);
        System.out.println(table);
        Files.writeString(ReactorBundles.workDir().resolve("unlisted-outcomes.md"), table);
        assertEquals("every case ran in every column", 3 * UnlistedWrappers.CASES.size(), runs);
        assertTrue(mismatches.size() + " of " + runs + " runs differ from the table:\n" + String.join("\n", mismatches)
                + "\n" + table, mismatches.isEmpty());
    }

    /** A run's outcome, and which layer recorded the violation: "sink" (operation "sink ...") or "guard". */
    private record Run(Outcome outcome, String layer, String detail) {
        String cell() {
            return outcome + (layer.isEmpty() ? "" : " (" + layer + ")");
        }
    }

    private Run run(Case c, String column, ViolationService violations) throws Exception {
        for (String name : new String[] {"out.wav", "out.mid", "out.img", "out2.img", "out.xml"}) {
            Files.deleteIfExists(dir.resolve(name));
        }
        int[] accepted = {silent.accepted(), http.accepted(), other.accepted()};
        FileTime cache = Files.getLastModifiedTime(dir.resolve("cache"));
        // a loaded library stays loaded: every run gets its own copy, so "mapped" means "mapped by this run"
        Path lib = Files.copy(pkcs11Module, dir.resolve("module-" + (++copies) + ".so"));
        String image = "image-" + copies + ".png";   // the AWT Toolkit caches images by name
        Files.copy(dir.resolve("image.png"), dir.resolve(image));
        if (c.action().equals("read.imageIconSharedFetcher")) {
            // AWT's Image Fetcher threads serve every caller and end after a few idle seconds: once none is left,
            // trusted code loads an image, so the fetcher the plugin's request then goes to was started by the host
            Await.untilTrue("no AWT Image Fetcher thread left", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("Image Fetcher")));
            Path warm = Files.copy(dir.resolve("image.png"), dir.resolve("warm-" + copies + ".png"));   // not cached
            new ImageIcon(warm.toString()).getIconWidth();
        }
        Instant before = Instant.now();
        ExecutionResult r = execute(PLUGIN, Map.of("action", c.action(), "dir", dir.toString(),
                "port", String.valueOf(silent.port()), "http", String.valueOf(http.port()),
                "other", String.valueOf(other.port()), "listen", String.valueOf(listenPort), "lib", lib.toString(),
                "image", image));
        String proof = proofs.getOrDefault(c.proof(), c.proof());
        boolean proved = r.status() == ExecutionStatus.SUCCESS && proof.equals(r.value().get("result"));
        boolean evidence = switch (c.evidence()) {
            case PROOF -> proved;
            case FILE_MADE -> Files.exists(dir.resolve(c.file()));
            case FOLDER_TOUCHED -> !cache.equals(Files.getLastModifiedTime(dir.resolve("cache")));
            case ACCEPTED -> accepted(silent, accepted[0]);
            case HTTP_ACCEPTED -> accepted(http, accepted[1]);
            case OTHER_ACCEPTED -> accepted(other, accepted[2]);
            case NATIVE_MAPPED -> Files.readString(Path.of("/proc/self/maps")).contains(lib.toString());
        };
        String target = target(c, column);
        // a denial is recorded before the exception is thrown; the wait only covers a slow listener path
        Optional<Violation> violation = (proved || evidence) ? recorded(violations, c, target, before)
                : waitRecorded(violations, c, target, before);
        boolean recorded = violation.isPresent();
        String detail = "got " + r.status() + " " + r.value() + (r.error() == null ? "" : " " + r.error())
                + ", violation " + c.permission() + " on " + target + (recorded ? "" : " NOT") + " recorded, I/O "
                + (evidence ? "seen" : "not seen");
        Outcome outcome;
        if (proved && evidence) {
            outcome = Outcome.RAN;
        } else if (evidence) {
            outcome = Outcome.OTHER;
        } else if (recorded && r.status() == ExecutionStatus.DENIED) {
            outcome = Outcome.DENIED;
        } else if (recorded) {
            outcome = Outcome.SWALLOWED;
        } else {
            outcome = Outcome.OTHER;
        }
        String layer = violation.map(v -> v.operation().startsWith("sink ") ? "sink" : "guard").orElse("");
        return new Run(outcome, layer, detail + violation.map(v -> " (" + v.operation() + ")").orElse(""));
    }

    /**
     * A client's connect returns once the kernel completed the handshake, before the server's accept thread counts
     * it: a connection not counted yet is in the backlog and is counted within moments, so look for up to a second.
     */
    private static boolean accepted(LoopbackServer server, int before) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            if (server.accepted() > before) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** @return what the violation's target must contain: the test's folder, or the port the action reaches */
    private String target(Case c, String column) {
        return switch (c.evidence()) {
            case PROOF -> c.permission() == PermissionKind.FILE ? dir.toString() : ":" + listenPort;
            case FILE_MADE, FOLDER_TOUCHED, NATIVE_MAPPED -> dir.toString();
            case ACCEPTED -> ":" + silent.port();
            case HTTP_ACCEPTED -> ":" + http.port();
            // the redirect: without a grant the first hop (URL.openConnection, a row) is denied; granted, the second
            case OTHER_ACCEPTED -> ":" + (column.equals("GRANTED") ? other.port() : http.port());
        };
    }

    private static Optional<Violation> recorded(ViolationService violations, Case c, String target, Instant before) {
        return violations.recent(100).stream().filter(v -> v.pluginId().equals(PLUGIN)
                && v.kind() == ViolationKind.PERMISSION_DENIED && v.permission() == c.permission() && v.enforced()
                && !v.time().isBefore(before) && v.target().contains(target)).findFirst();
    }

    private static Optional<Violation> waitRecorded(ViolationService violations, Case c, String target, Instant before)
            throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Optional<Violation> v = recorded(violations, c, target, before);
            if (v.isPresent()) {
                return v;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** STANDARD and STRICT grant nothing; GRANTED is STANDARD with exactly the folder and ports the actions need. */
    private void applyPolicy(String column) throws Exception {
        if (column.equals("GRANTED")) {
            String grants = "file;target=\"" + dir + "/**\";actions=\"read,write,delete\","
                    + "network;target=\"127.0.0.1:" + silent.port() + "\";actions=\"connect,resolve\","
                    + "network;target=\"127.0.0.1:" + http.port() + "\";actions=\"connect,resolve\","
                    + "network;target=\"127.0.0.1:" + listenPort + "\";actions=\"connect,resolve\","
                    + "network;target=\"*:" + listenPort + "\";actions=\"listen\","
                    + "native;target=\"--name=unlisted*\"";   // the PKCS#11 configuration, by prefix (SystemApiRows)
            policy("STANDARD", grants);
            Await.untilTrue("grants of " + PLUGIN + " in force", () -> guard().contains("granted: file;"));
        } else {
            policy(column, null);
            Await.untilTrue(PLUGIN + " guarded at " + column, () -> guard().contains(" level " + column + " ")
                    && !guard().contains("granted: file;"));
        }
    }

    private String guard() {
        try {
            return gogo("sandbox:guard " + PLUGIN).text();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A sandbox.policy factory configuration through Configuration Admin (reflection: the probe lacks the API). */
    private void policy(String level, String grants) throws Exception {
        ServiceReference<?> ref = Await.until("Configuration Admin",
                () -> Optional.ofNullable(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin")));
        Object admin = context.getService(ref);
        ClassLoader api = admin.getClass().getClassLoader();
        Object config = api.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                .getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, "sandbox.policy", "hostile-unlisted", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("match", PLUGIN);
        props.put("level", level);
        if (grants != null) {
            props.put("grants", new String[] {grants});
        }
        Method update = api.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(config, props);
        context.ungetService(ref);
    }

    /** @return the outcomes seen, as the Markdown table docs/unlisted-apis.md shows */
    private static String outcomeTable(Map<String, Map<String, String>> seen) {
        StringBuilder out = new StringBuilder("| action | wrapper | STANDARD | STRICT | GRANTED |\n| --- | --- | --- | --- | --- |\n");
        for (Case c : UnlistedWrappers.CASES) {
            Map<String, String> o = seen.get(c.action());
            out.append("| ").append(c.action()).append(" | `").append(c.wrapper()).append("` | ")
               .append(o.get("STANDARD")).append(" | ").append(o.get("STRICT")).append(" | ").append(o.get("GRANTED")).append(" |\n");
        }
        return out.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
