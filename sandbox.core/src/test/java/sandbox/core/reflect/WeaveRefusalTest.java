package sandbox.core.reflect;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import sandbox.core.weaving.ClassBytes;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.WeaveContext;
import sandbox.core.weaving.WeavingPipeline;

/** Classes the weaver refuses outright: they never load (B9, B10). */
public class WeaveRefusalTest {

    @Test
    public void aClassNamingSunMiscUnsafeIsRefused() throws Exception {
        try {
            WovenPlugin.PIPELINE.weave(WovenPlugin.bytes("reflrefused.NamesUnsafe"), context("reflrefused.NamesUnsafe"));
            fail("a class naming sun.misc.Unsafe was woven");
        } catch (WeavingPipeline.WeaveFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains("sun.misc.Unsafe"));
        }
    }

    @Test
    public void aClassDeclaringAWeaverNameIsRefused() throws Exception {
        try {
            WovenPlugin.PIPELINE.weave(WovenPlugin.bytes("reflrefused.DeclaresWeaverName"),
                    context("reflrefused.DeclaresWeaverName"));
            fail("a class declaring $sandbox$handle was woven");
        } catch (WeavingPipeline.WeaveFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains("$sandbox$handle"));
        }
    }

    @Test
    public void aLoaderSubclassLambdaCallingDefineClassIsWovenAsACall() throws Exception {
        // the lambda body is a synthetic method of the class: its defineClass call is rewritten like any other
        byte[] woven = WovenPlugin.PIPELINE.weave(WovenPlugin.bytes("reflrefused.LoaderLambda"),
                context("reflrefused.LoaderLambda"));
        assertTrue(new String(woven, java.nio.charset.StandardCharsets.ISO_8859_1).contains("loaderBytes"));
    }

    private static WeaveContext context(String name) {
        return new WeaveContext(name, 1, "refusal.test", new ClassHierarchy(ClassBytes.of(WeaveRefusalTest.class.getClassLoader())));
    }
}
