package sandbox.launcher;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The operator's configuration folder, {@code <state>/etc}: a second FileInstall watcher, for
 * {@code *.cfg} and {@code *.config} files only (policy files, docs/policy.md). FileInstall's first watcher
 * (framework properties) takes only jars from the deploy folder: a folder plugins are dropped into is no place for
 * the policy that confines them (catalogue E9).
 *
 * <p>The watcher is a factory configuration of {@value #FILE_INSTALL_PID}, created through Configuration Admin. The
 * launcher runs on the class path, where the Configuration Admin API is not visible (the configadmin bundle exports
 * it), so the two calls go through reflection on the interfaces the service's own bundle loads. Configuration Admin
 * stores into the framework cache, which is cleaned at every start: the files in etc/ are the only source of policy.
 */
final class ConfigurationFolder {

    static final String FILE_INSTALL_PID = "org.apache.felix.fileinstall";
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    /** Named, so the watcher's PID is stable: {@code org.apache.felix.fileinstall~etc}. */
    private static final String WATCHER_NAME = "etc";

    private ConfigurationFolder() {
    }

    /** The watcher's properties: same poll and logging as the deploy folder's watcher. */
    static Dictionary<String, Object> watcher(Path etc, String poll, String logLevel) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("felix.fileinstall.dir", etc.toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", poll);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", logLevel);
        p.put("felix.fileinstall.log.default", "stdout");
        return p;
    }

    /**
     * Creates (or updates) the watcher's configuration. Fails the launch when it cannot: a container that ignored
     * the operator's policy files without a word would run plugins under a policy nobody chose.
     */
    static void watch(BundleContext context, Path etc, Dictionary<String, Object> watcher) throws LaunchException {
        ServiceReference<?> reference = context.getServiceReference(CONFIGURATION_ADMIN);
        if (reference == null) {
            throw new LaunchException("Configuration Admin is not running, so the policy files in " + etc
                    + " cannot be read (is org.apache.felix.configadmin in bundles/?)");
        }
        Object admin = context.getService(reference);
        try {
            Class<?> adminType = reference.getBundle().loadClass(CONFIGURATION_ADMIN);
            Class<?> configurationType = reference.getBundle().loadClass(CONFIGURATION);
            // location null: bound to FileInstall, the first bundle whose ManagedServiceFactory asks for the PID
            Object configuration = adminType.getMethod("getFactoryConfiguration", String.class, String.class,
                    String.class).invoke(admin, FILE_INSTALL_PID, WATCHER_NAME, null);
            configurationType.getMethod("update", Dictionary.class).invoke(configuration, watcher);
        } catch (InvocationTargetException e) {
            throw new LaunchException("cannot create the FileInstall watcher for " + etc + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LaunchException("cannot create the FileInstall watcher for " + etc + " (Configuration Admin"
                    + " 1.6 API expected): " + e, e);
        } finally {
            context.ungetService(reference);
        }
    }
}
