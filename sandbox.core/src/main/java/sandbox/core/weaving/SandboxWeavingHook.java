package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import sandbox.core.plugins.TrustedBundles;
import sandbox.core.policy.PolicyService;
import sandbox.core.runaway.RunawayTransform;

/**
 * Weaves every class of every plugin bundle (the trust rule: {@link TrustedBundles}); the framework, the JDK and
 * trusted bundles are never touched. The pipeline is the guard step, then runaway containment.
 *
 * <p>Fail closed: any problem becomes a {@link WeavingException}, the one exception Felix does not hold against a
 * hook (anything else blacklists it for good, E4); the class then fails to load, it never loads unwoven (H9).
 */
@Component(service = WeavingHook.class, immediate = true)
public final class SandboxWeavingHook implements WeavingHook {
    @Reference
    PolicyService policies;

    private TrustedBundles trust;
    private WeavingPipeline pipeline;
    private final Map<BundleWiring, ClassHierarchy> hierarchies = new WeakHashMap<>();

    @Activate
    void activate(BundleContext context) {
        trust = TrustedBundles.of(context);
        RunawayTransform runaway = new RunawayTransform();
        List<ClassTransform> steps = new ArrayList<>();
        steps.add(new GuardTransform(SensitiveApiTable.INSTANCE));
        steps.add((next, ctx) -> {
            ctx.addDynamicImport(RunawayTransform.POLL_PACKAGE);
            return runaway.wrap(next, ctx.pluginId());
        });
        pipeline = new WeavingPipeline(steps);
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

    private ClassHierarchy hierarchyOf(BundleWiring wiring) {
        synchronized (hierarchies) {
            return hierarchies.computeIfAbsent(wiring, w -> new ClassHierarchy(ClassBytes.of(w.getClassLoader())));
        }
    }
}
