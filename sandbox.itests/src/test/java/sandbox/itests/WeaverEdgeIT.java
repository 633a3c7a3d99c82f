package sandbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import sandbox.api.ExecutionResult;
import sandbox.api.ExecutionStatus;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.api.PluginState;
import sandbox.api.Violation;
import sandbox.api.ViolationService;
import sandbox.itests.framework.FrameworkDefenceSupport;
import sandbox.itests.weaving.EdgeBundle;

/**
 * Escape-catalogue H7, H8, H9 and H11 in Felix, on bytecode javac cannot emit: a plugin whose classes ASM generated
 * ({@link EdgeBundle}), woven by the real weaving hook. H7/H8: {@code ldc} of a method handle to
 * {@code System.setProperty} with {@code invokeExact}, and a condy through {@code ConstantBootstraps.invoke}, are
 * denied and recorded at STANDARD and run once the property is granted. H9: a class-file version above the
 * weaver's, a version-49 class with JSR/RET and a method the weave would push past 64 KB fail to load with the
 * weaver's {@code WeavingException} as the cause, never run unwoven, and the hook keeps weaving the plugin's next class
 * (Felix would have blacklisted it for any other exception); a version-50 class with JSR/RET (the last version that
 * allows them) is read, woven and its call guarded. H11: a hidden class and a class of a plugin-made loader
 * belong to no bundle: defining them needs CLASS_DEFINITION, and once granted their calls are the plugin's (denied and
 * recorded against it), never the host's.
 */
public class WeaverEdgeIT extends FrameworkDefenceSupport {
    private static final String BSN = EdgeBundle.BSN;
    private static final List<String> PROPERTIES = List.of(EdgeBundle.H7, EdgeBundle.H8, EdgeBundle.H9_VERSION,
            EdgeBundle.H9_JSR, EdgeBundle.H9_HUGE, EdgeBundle.NEXT, EdgeBundle.H11_HIDDEN, EdgeBundle.H11_OWN);

    /** Builds the plugin jar on the driver's side, where ASM is on the class path, then the usual container. */
    @Configuration
    @Override
    public Option[] config() {
        try {
            EdgeBundle.write(jar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return super.config();
    }

    private static Path jar() {
        return ReactorBundles.workDir().resolve("weaver-edge").resolve(BSN + ".jar");
    }

    @After
    public void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    public void ldcMethodHandleAndCondyAreDeniedAtStandardAndRunWhenGranted() throws Exception {
        startPlugin();
        assertDenied(run("class", "edge.LdcHandle"), PermissionKind.PROPERTY, EdgeBundle.H7);
        assertDenied(run("class", "edge.Condy"), PermissionKind.PROPERTY, EdgeBundle.H8);

        policy(BSN, IsolationLevel.STANDARD, "property;target=\"" + EdgeBundle.H7 + "\";actions=write",
                "property;target=\"" + EdgeBundle.H8 + "\";actions=write");
        awaitPolicy(BSN, IsolationLevel.STANDARD, 2);
        awaitGuardShows(EdgeBundle.H7, EdgeBundle.H8);
        ExecutionResult ldc = execute(BSN, Map.of("class", "edge.LdcHandle"));
        assertEquals(ldc.toString(), ExecutionStatus.SUCCESS, ldc.status());
        assertEquals("ldc-methodhandle", System.getProperty(EdgeBundle.H7));
        ExecutionResult condy = execute(BSN, Map.of("class", "edge.CondyGranted"));
        assertEquals(condy.toString(), ExecutionStatus.SUCCESS, condy.status());
        assertEquals("condy", System.getProperty(EdgeBundle.H8));
    }

    @Test
    public void classesTheWeaverCannotHandleNeverLoadAndTheHookKeepsWeaving() throws Exception {
        startPlugin();
        Map<String, String> refused = Map.of("edge.NewVersion", EdgeBundle.H9_VERSION, "edge.OldJsr", EdgeBundle.H9_JSR,
                "edge.Huge", EdgeBundle.H9_HUGE);
        for (Map.Entry<String, String> c : refused.entrySet()) {
            ExecutionResult r = execute(BSN, Map.of("class", c.getKey()));
            assertEquals(c.getKey() + ": " + r, ExecutionStatus.SUCCESS, r.status());
            assertEquals(c.getKey() + ": " + r.value(), "false", r.value().get("loaded"));
            String error = r.value().get("error");
            assertTrue(c.getKey() + " fails as a linkage error caused by the weaver: " + error,
                    (error.startsWith("java.lang.ClassFormatError") || error.startsWith("java.lang.NoClassDefFoundError"))
                            && error.contains("org.osgi.framework.hooks.weaving.WeavingException"));
            assertNull(c.getKey() + " ran unwoven", System.getProperty(c.getValue()));
        }
        long core = bundle("sandbox.core").orElseThrow().getBundleId();
        assertNotNull("the core's weaving hook is still registered", context.getServiceReferences(
                "org.osgi.framework.hooks.weaving.WeavingHook", "(service.bundleid=" + core + ")"));
        assertDenied(run("class", "edge.Next"), PermissionKind.PROPERTY, EdgeBundle.NEXT);
        // version 50, the last that allows JSR/RET, is read by the weaver: woven, its subroutine's call is guarded
        assertDenied(run("class", "edge.Jsr50"), PermissionKind.PROPERTY, EdgeBundle.H9_JSR);
    }

    @Test
    public void hiddenAndOwnLoaderClassesAreThePluginsNeverTheHosts() throws Exception {
        startPlugin();
        assertDenied(run("hidden", "edge/HiddenSetter.bin"), PermissionKind.CLASS_DEFINITION, null);
        assertDenied(run("ownLoader", "edge/OwnSetter.bin"), PermissionKind.CLASS_DEFINITION, null);

        policy(BSN, IsolationLevel.STANDARD, "class-definition;target=\"*\"");
        awaitPolicy(BSN, IsolationLevel.STANDARD, 1);
        awaitGuardShows("class-definition");
        assertDenied(run("hidden", "edge/HiddenSetter.bin"), PermissionKind.PROPERTY, EdgeBundle.H11_HIDDEN);
        assertDenied(run("ownLoader", "edge/OwnSetter.bin"), PermissionKind.PROPERTY, EdgeBundle.H11_OWN);
        assertNull(System.getProperty(EdgeBundle.H11_HIDDEN));
        assertNull(System.getProperty(EdgeBundle.H11_OWN));
    }

    /** The guard's snapshot, not only the plugin's info, must carry the new grants before a run counts on them. */
    private void awaitGuardShows(String... fragments) {
        Await.untilTrue("sandbox:guard " + BSN + " shows " + List.of(fragments), () -> {
            String text = guardText();
            return java.util.Arrays.stream(fragments).allMatch(text::contains);
        });
    }

    private String guardText() {
        try {
            return gogo("sandbox:guard " + BSN).text();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void startPlugin() throws Exception {
        installPlugin(jar());
        awaitPlugin(BSN, PluginState.READY);
    }

    /** An execution and the time just before it. */
    private record Run(ExecutionResult result, Instant before, String what) {
    }

    private Run run(String key, String value) {
        Instant before = Instant.now();
        return new Run(execute(BSN, Map.of(key, value)), before, key + "=" + value);
    }

    /** The run was DENIED, and a violation of that kind (and target, unless null) was recorded against the plugin. */
    private void assertDenied(Run run, PermissionKind kind, String target) throws InterruptedException {
        assertEquals(run.what() + ": " + run.result(), ExecutionStatus.DENIED, run.result().status());
        ViolationService violations = awaitService(ViolationService.class);
        Violation v = Await.until(run.what() + ": a " + kind + " violation on " + target + " for " + BSN + "; recorded: "
                        + violations.recent(20).stream().map(Violation::describe).toList(),
                () -> violations.recent(1000).stream().filter(x -> x.pluginId().equals(BSN) && x.permission() == kind
                        && (target == null || target.equals(x.target())) && !x.time().isBefore(run.before())).findFirst());
        assertTrue(v.describe(), v.enforced());
        if (target != null) {
            assertNull(run.what() + " set " + target, System.getProperty(target));
        }
    }
}
