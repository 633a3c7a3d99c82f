package sandbox.itests.framework;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import sandbox.itests.SandboxContainerOptions;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.itests.Await;
import sandbox.itests.framework.hostile.BundleProbe;
import sandbox.itests.framework.hostile.ClassSpaceProbe;

/**
 * E10 (and the import side of E3): what a plugin may wire to. {@code DynamicImport-Package: *} reaches only what its
 * level and grants allow; a static import of a forbidden package keeps the plugin from resolving; a new grant lets it
 * resolve at run time, without reinstalling.
 */
public class ClassSpaceIT extends FrameworkDefenceSupport {

    /**
     * Boot delegation hands every bundle the parent loader's classes without asking the resolver: Pax Exam's native
     * container sets {@code org.osgi.framework.bootdelegation=sun.*}, and Felix delegates implicitly for requests from
     * JDK code. A container that runs plugins must delegate {@code java.*} only; the test sets what the launcher must.
     */
    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(SandboxContainerOptions.container(),
                CoreOptions.bootDelegationPackages("java.*"),
                CoreOptions.frameworkProperty("org.osgi.framework.bootdelegation").value("java.*"),
                CoreOptions.frameworkProperty("felix.bootdelegation.implicit").value("false"));
    }

    private static final String UNSAFE = "sun.misc.Unsafe";
    private static final String WEAVING_HOOK = "org.osgi.framework.hooks.weaving.WeavingHook";
    private static final String CM = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String API = "sandbox.api.Plugin";
    private static final Map<String, String> PROBE = Map.of("DynamicImport-Package", "*",
            "Hostile-Classes", String.join(",", UNSAFE, WEAVING_HOOK, CM, API));

    @Test
    public void dynamicImportStarReachesNoForbiddenPackageAtStandardAndStrict() throws Exception {
        policy("hostile.classes.strict", IsolationLevel.STRICT);
        for (String bsn : new String[] {"hostile.classes.standard", "hostile.classes.strict"}) {
            Bundle b = installHostile(bsn, ClassSpaceProbe.class, PROBE);
            awaitPolicy(bsn, bsn.endsWith("strict") ? IsolationLevel.STRICT : IsolationLevel.STANDARD, 0);
            start(b);
            assertEquals("legitimate API stays reachable", "loaded", outcome(bsn, API));
            for (String denied : new String[] {UNSAFE, WEAVING_HOOK, CM}) {
                assertTrue(bsn + " " + denied + ": " + outcome(bsn, denied) + "; bootdelegation=" + context.getProperty("org.osgi.framework.bootdelegation"), outcome(bsn, denied).startsWith("denied"));
            }
            assertTrue(awaitViolation(bsn, PermissionKind.REFLECTION, "DynamicImport-Package", "sun.misc").enforced());
            assertTrue(awaitViolation(bsn, PermissionKind.FRAMEWORK, "DynamicImport-Package", "org.osgi.framework.hooks.weaving").enforced());
            assertTrue(awaitViolation(bsn, PermissionKind.FRAMEWORK, "DynamicImport-Package", "org.osgi.service.cm").enforced());
        }
    }

    @Test
    public void aGrantedPackageIsReachable() throws Exception {
        String bsn = "hostile.classes.granted";
        policy(bsn, IsolationLevel.STANDARD, "framework;target=\"org.osgi.service.cm\";actions=service");
        Bundle b = installHostile(bsn, ClassSpaceProbe.class, PROBE);
        awaitPolicy(bsn, IsolationLevel.STANDARD, 1);
        start(b);
        assertEquals("loaded", outcome(bsn, CM));
        assertTrue("only the granted package", outcome(bsn, WEAVING_HOOK).startsWith("denied"));
        assertTrue(violationsOf(bsn).stream().noneMatch(v -> v.target().equals("org.osgi.service.cm")));
    }

    @Test
    public void aStaticImportOfAHookPackageKeepsThePluginUnresolved() throws Exception {
        String bsn = "hostile.import.hooks";
        Bundle b = installHostile(bsn, BundleProbe.class, Map.of("Import-Package", "org.osgi.framework,org.osgi.framework.hooks.weaving"));
        assertDoesNotResolve(b, "a plugin importing org.osgi.framework.hooks.weaving must not resolve");
        assertTrue(awaitViolation(bsn, PermissionKind.FRAMEWORK, "Import-Package", "org.osgi.framework.hooks.weaving").enforced());
    }

    @Test
    public void aNewGrantLetsARefusedPluginResolveWithoutReinstall() throws Exception {
        String bsn = "hostile.import.unsafe";
        Bundle b = installHostile(bsn, BundleProbe.class, Map.of("Import-Package", "org.osgi.framework,sun.misc"));
        assertDoesNotResolve(b, "a STANDARD plugin importing sun.misc must not resolve");
        awaitViolation(bsn, PermissionKind.REFLECTION, "Import-Package", "sun.misc");
        long id = b.getBundleId();
        String pid = policy(bsn, IsolationLevel.STANDARD, "reflection;target=\"sun.misc\";actions=access");
        Await.untilTrue(bsn + " resolved after the grant", () -> b.getState() == Bundle.RESOLVED);
        start(b);
        assertEquals(Bundle.ACTIVE, b.getState());
        assertEquals("same bundle, not reinstalled", id, context.getBundle(b.getLocation()).getBundleId());

        // Taking the grant back takes the wire away: the plugin is refreshed and cannot resolve any more.
        updatePolicy(pid, PolicyAdmin.entry(bsn, "STANDARD"));
        Await.untilTrue(bsn + " unresolved after the grant was withdrawn (state " + b.getState() + ")",
                () -> b.getState() == Bundle.INSTALLED);
    }

    /** Starting {@code b} is refused (it cannot resolve) and it stays INSTALLED. */
    private static void assertDoesNotResolve(Bundle b, String why) {
        try {
            start(b);
            fail(why);
        } catch (BundleException expected) {
            assertEquals(Bundle.INSTALLED, b.getState());
        }
    }
}
