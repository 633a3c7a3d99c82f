package sandbox.itests.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import sandbox.api.Plugin;
import sandbox.api.PluginContext;

/**
 * The plugin of {@code WeaverEdgeIT}: a bundle whose other classes are generated with ASM (what javac cannot emit).
 * Input {@code class} loads that class of the bundle and runs it as a {@link Callable}; {@code hidden} defines a
 * hidden class from bytes in the bundle and runs it (H11); {@code ownLoader} defines a class through a class loader
 * of its own and runs it (H11). A class that fails to load is reported as {@code loaded=false} with its error chain;
 * a denial propagates (the execution ends DENIED). Copied into the plugin jar by {@code EdgeBundle}; never loaded by
 * the probe itself.
 */
public final class EdgePlugin implements BundleActivator, Plugin {

    @Override
    public void start(BundleContext context) {
        context.registerService(Plugin.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public Map<String, String> execute(PluginContext ctx) throws Exception {
        if (ctx.input().containsKey("hidden")) {
            Class<?> hidden = MethodHandles.lookup().defineHiddenClass(bytes(ctx.input().get("hidden")), true).lookupClass();
            return Map.of("result", run(hidden), "bundle", String.valueOf(FrameworkUtil.getBundle(hidden)));
        }
        if (ctx.input().containsKey("ownLoader")) {
            Class<?> own = new Definer(EdgePlugin.class.getClassLoader()).define(bytes(ctx.input().get("ownLoader")));
            return Map.of("result", run(own), "bundle", String.valueOf(FrameworkUtil.getBundle(own)));
        }
        Class<?> type;
        try {
            type = Class.forName(ctx.input().get("class"), true, EdgePlugin.class.getClassLoader());
        } catch (LinkageError e) {
            return Map.of("loaded", "false", "error", chain(e));
        }
        return Map.of("loaded", "true", "result", run(type));
    }

    private static String run(Class<?> type) throws Exception {
        return String.valueOf(((Callable<?>) type.getConstructor().newInstance()).call());
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = EdgePlugin.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " in the plugin");
            }
            return in.readAllBytes();
        }
    }

    private static String chain(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null && parts.size() < 8; c = c.getCause()) {
            parts.add(c.getClass().getName() + ": " + c.getMessage());
        }
        return String.join(" <- ", parts);
    }

    /** A class loader the plugin makes (H11): its classes belong to no bundle. */
    static final class Definer extends ClassLoader {
        Definer(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }
    }
}
