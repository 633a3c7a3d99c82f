package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * The warm-up weaves its JDK classes through the hook's own pipeline (reflection step, guard, runaway). A class
 * the pipeline refuses is dropped silently at run time, so this is where a JDK that makes the set useless shows.
 */
public class WeaverWarmUpTest {

    @Test
    public void everyWarmUpClassIsWovenByTheHooksPipelineInEveryRound() {
        SandboxWeavingHook hook = new SandboxWeavingHook(null, null);   // weave() is never called: no policy needed
        assertEquals(WeaverWarmUp.ROUNDS * WeaverWarmUp.CLASSES.size(), hook.warmUpNow());
    }
}
