package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.framework.wiring.BundleWiring;
import sandbox.core.plugins.TrustedBundles;
import sandbox.core.policy.PolicyService;
import sandbox.core.runaway.RunawayTransform;

/**
 * Weaves every class of every plugin bundle (the trust rule: {@link TrustedBundles}); the framework, the JDK and
 * trusted bundles are never touched. The pipeline ({@link #newPipeline()}) is the reflection step, the guard step,
 * then runaway containment.
 *
 * <p>Fail closed: any problem becomes a {@link WeavingException}, the one exception Felix does not hold against a
 * hook (anything else blacklists it for good, E4); the class then fails to load, it never loads unwoven (H9).
 *
 * <p>Registered as a plain service object by {@link WeavingHookRegistration}, never as a DS service factory: the
 * framework asks for weaving hooks while it defines classes, also the classes a component's activation loads, and
 * a hook that is itself being activated then answers with a service-factory cycle or with nothing at all.
 */
public final class SandboxWeavingHook implements WeavingHook {
    private final PolicyService policies;
    private final TrustedBundles trust;
    private final WeavingPipeline pipeline;
    private final Map<BundleWiring, ClassHierarchy> hierarchies = new WeakHashMap<>();

    /**
     * @param policies where plugin policy handles come from
     * @param trust the trust rule: trusted bundles are never woven
     */
    public SandboxWeavingHook(PolicyService policies, TrustedBundles trust) {
        this.policies = policies;
        this.trust = trust;
        pipeline = newPipeline();
        sandbox.core.reflect.RuntimeDefinitions.connect(pipeline);   // code plugins define at run time is woven alike
    }

    /**
     * The hook's pipeline, step for step: reflection and run-time code ({@code MetaTransform}, before the guard
     * step), the guard step, runaway containment. Public so that tests and benchmarks weave exactly what the hook
     * weaves; it is not connected to {@code RuntimeDefinitions} (only the hook's own pipeline is).
     *
     * @return a new pipeline of the hook's steps
     */
    public static WeavingPipeline newPipeline() {
        RunawayTransform runaway = new RunawayTransform();
        List<ClassTransform> steps = new ArrayList<>();
        steps.add(new sandbox.core.reflect.MetaTransform());
        steps.add(new GuardTransform(SensitiveApiTable.INSTANCE));
        steps.add((next, ctx) -> {
            ctx.addDynamicImport(RunawayTransform.POLL_PACKAGE);
            return runaway.wrap(next, ctx.pluginId(), ctx.original());
        });
        return new WeavingPipeline(steps);
    }

    @Override
    public void weave(WovenClass woven) {
        try {
            Bundle bundle = woven.getBundleWiring().getBundle();
            if (trust.isTrusted(bundle)) {
                return;
            }
            String pluginId = policies.handleFor(bundle).pluginId();
            WeaveContext ctx = new WeaveContext(woven.getClassName(), bundle.getBundleId(), pluginId,
                    hierarchyOf(woven.getBundleWiring()));
            byte[] bytes = pipeline.weave(woven.getBytes(), ctx);
            woven.setBytes(bytes);
            List<String> imports = woven.getDynamicImports();
            for (String pkg : ctx.dynamicImports()) {
                if (!imports.contains(pkg)) {
                    imports.add(pkg);
                }
            }
        } catch (Throwable t) {
            WeavingException e = new WeavingException("Sandbox refused " + woven.getClassName() + ": " + t.getMessage(), t);
            throw e;
        }
    }

    /** Starts {@link WeaverWarmUp} on this hook's pipeline, in a background thread. */
    WeaverWarmUp startWarmUp() {
        return WeaverWarmUp.startInBackground(pipeline);
    }

    /** @return how many classes {@link WeaverWarmUp} wove, run in the calling thread on this hook's pipeline */
    int warmUpNow() {
        return WeaverWarmUp.runNow(pipeline);
    }

    private ClassHierarchy hierarchyOf(BundleWiring wiring) {
        synchronized (hierarchies) {
            return hierarchies.computeIfAbsent(wiring, w -> new ClassHierarchy(ClassBytes.of(w.getClassLoader())));
        }
    }
}
