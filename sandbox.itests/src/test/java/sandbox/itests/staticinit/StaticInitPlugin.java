package sandbox.itests.staticinit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * A plugin fixture whose first loaded class (its activator, which is also its {@link Plugin}) has a static
 * initialiser of its own: it is woven before the framework has wired the bundle to the packages the weave imports
 * dynamically. Its methods call a guarded file API, reflection (a reflection guard), and loop (runaway polls);
 * input {@code reference} takes a plain method reference ({@code Bundle::getSymbolicName}, through
 * {@code LambdaMetafactory}), which no level may deny.
 * Copied into a plugin jar by {@link StaticInitPluginIT}; never loaded by the probe itself.
 */
public final class StaticInitPlugin implements BundleActivator, Plugin {
    private static final Object PROBE = new Object();
    private static final String STARTED_BY = StaticInitPlugin.class.getSimpleName();
    private volatile Bundle bundle;

    @Override
    public void start(BundleContext context) {
        bundle = context.getBundle();
        context.registerService(Plugin.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public Map<String, String> execute(PluginContext ctx) throws IOException, ReflectiveOperationException {
        String path = ctx.input().get("read");
        if (path != null) {
            return Map.of("read", Files.readString(Path.of(path)));
        }
        if (ctx.input().containsKey("reference")) {
            Function<Bundle, String> name = Bundle::getSymbolicName;
            return Map.of("name", name.apply(bundle));
        }
        Method length = String.class.getMethod("length");
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += i;
        }
        return Map.of("probe", String.valueOf(PROBE != null), "startedBy", STARTED_BY,
                "reflected", String.valueOf(length.invoke("four")), "sum", String.valueOf(sum));
    }
}
