package sandbox.core.plugins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class TrustedBundlesTest {
    private final TrustedBundles trust = new TrustedBundles("file:/opt/sandbox/bundle/, mvn:dev.sandbox/");

    @Test
    public void theSystemBundleIsAlwaysTrusted() {
        assertTrue(new TrustedBundles(null).isTrusted(0, "System Bundle"));
        assertTrue(new TrustedBundles(null).isTrusted(0, null));
    }

    @Test
    public void aLocationUnderATrustedPrefixIsTrusted() {
        assertTrue(trust.isTrusted(3, "file:/opt/sandbox/bundle/sandbox.core.jar"));
        assertTrue(trust.isTrusted(4, "mvn:dev.sandbox/sandbox.api/0.1.0-SNAPSHOT"));
    }

    @Test
    public void everythingElseIsAPlugin() {
        assertFalse(trust.isTrusted(5, "file:/opt/sandbox/deploy/example.hello.jar"));
        assertFalse(trust.isTrusted(6, "file:/opt/sandbox/bundle-evil/x.jar"));
        assertFalse(trust.isTrusted(7, "inputstream:whatever"));
    }

    @Test
    public void failsClosedWithoutPropertyOrLocation() {
        assertFalse(new TrustedBundles(null).isTrusted(1, "file:/opt/sandbox/bundle/sandbox.core.jar"));
        assertFalse(new TrustedBundles("  ").isTrusted(1, "file:/opt/sandbox/bundle/sandbox.core.jar"));
        assertFalse(trust.isTrusted(1, null));
    }

    @Test
    public void blankEntriesDoNotTrustEverything() {
        TrustedBundles sloppy = new TrustedBundles("file:/opt/sandbox/bundle/,, ,");
        assertEquals(List.of("file:/opt/sandbox/bundle/"), sloppy.prefixes());
        assertFalse(sloppy.isTrusted(9, "file:/tmp/evil.jar"));
    }

    @Test
    public void aLocationClimbingOutOfATrustedFolderIsAPlugin() {
        assertFalse(trust.isTrusted(8, "file:/opt/sandbox/bundle/../deploy/evil.jar"));
        assertFalse(trust.isTrusted(8, "file:/opt/sandbox/bundle/%2e%2e/deploy/evil.jar"));
        assertFalse(trust.isTrusted(8, "file:/opt/sandbox/bundle/..\\deploy\\evil.jar"));
    }
}
