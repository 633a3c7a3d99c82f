package sandbox.benchmarks.enforcement;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** A Felix framework for one benchmark trial, launched from the class path like the container's launcher does. */
final class BenchFramework implements AutoCloseable {
    private final Framework framework;

    private BenchFramework(Framework framework) {
        this.framework = framework;
    }

    /** Creates and initialises (not yet starts) a framework; extension bundles go in before {@link #start()}. */
    static BenchFramework init(Map<String, String> properties) throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"));
        Framework f = factory.newFramework(properties);
        f.init();
        return new BenchFramework(f);
    }

    void start() throws BundleException {
        framework.start();
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Bundle install(Path jar) throws BundleException {
        return context().installBundle(BenchFiles.location(jar));
    }

    /** Installs all, then starts all (fragments and extension bundles are only installed). */
    List<Bundle> installAndStart(List<Path> jars) throws BundleException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(install(jar));
        }
        for (Bundle b : bundles) {
            if (b.getHeaders().get("Fragment-Host") == null) {
                b.start();
            }
        }
        return bundles;
    }

    /** @return the bundle's registered {@code LongSupplier} with {@code bench.op=op}, waiting up to 10 s for it */
    static LongSupplier operation(Bundle bundle, String op) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = bundle.getRegisteredServices();
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                if (op.equals(ref.getProperty("bench.op"))) {
                    return (LongSupplier) bundle.getBundleContext().getService(ref);
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(bundle.getSymbolicName() + " registered no LongSupplier with bench.op=" + op
                + " (state " + bundle.getState() + ")");
    }

    /**
     * Adds a factory configuration through Configuration Admin. The harness shares no class with the Config Admin
     * bundle, so the service is called reflectively through the interface its bundle exports.
     */
    void createFactoryConfiguration(String factoryPid, Dictionary<String, Object> properties) throws Exception {
        BundleContext ctx = context();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ServiceReference<?> ref = null;
        while (ref == null && System.nanoTime() < deadline) {
            ref = ctx.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
            if (ref == null) {
                Thread.sleep(20);
            }
        }
        if (ref == null) {
            throw new IllegalStateException("no ConfigurationAdmin service within 10 s");
        }
        Object admin = ctx.getService(ref);
        ClassLoader api = ref.getBundle().adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
        Class<?> adminType = api.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object config = adminType.getMethod("createFactoryConfiguration", String.class, String.class)
                .invoke(admin, factoryPid, null);
        Method update = api.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(config, properties);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }
}
