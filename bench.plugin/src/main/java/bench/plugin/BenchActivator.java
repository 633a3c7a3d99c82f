package bench.plugin;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.function.LongSupplier;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the two measured operations as {@link LongSupplier} services (JDK types, so the harness outside the
 * framework can call them without sharing a class with this bundle), told apart by the service property
 * {@value #OP}. The targets come from framework properties the harness sets before it starts the framework.
 */
public final class BenchActivator implements BundleActivator {
    /** Service property: {@code file} or {@code socket}. */
    public static final String OP = "bench.op";
    /** Framework property: absolute path of the small file to read. */
    public static final String FILE = "bench.plugin.file";
    /** Framework property: loopback port where the harness accepts connections. */
    public static final String PORT = "bench.plugin.port";

    @Override
    public void start(BundleContext context) {
        String file = context.getProperty(FILE);
        String port = context.getProperty(PORT);
        if (file != null) {
            register(context, "file", new ReadSmallFile(Path.of(file)));
        }
        if (port != null) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
            register(context, "socket", new ConnectLoopback(address));
        }
    }

    @Override
    public void stop(BundleContext context) {
        // services go with the bundle
    }

    private static void register(BundleContext context, String op, LongSupplier operation) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(OP, op);
        context.registerService(LongSupplier.class, operation, props);
    }
}
