package sandbox.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Waits, at start-up, until the operator's policy files are in force, before the plugins start. FileInstall installs
 * the plugins at start level {@value FrameworkProperties#PLUGIN_START_LEVEL}, above the framework's, so they wait; the
 * etc/ watcher turns each policy file into a configuration; then every Configuration Admin event up to that point
 * must have reached its listeners (sandbox.core's policy is one, and applies the change in its listener), which a
 * marker configuration shows: events are delivered in order, so once the marker's event arrives, the earlier ones
 * were delivered. Only then does the launcher raise the start level.
 *
 * <p>Bounded: a policy file FileInstall cannot read never becomes a configuration; after {@link #WAIT_MILLIS} the
 * launcher names it and goes on (FileInstall reports why it failed), rather than never starting.
 */
final class PolicyBeforePlugins {

    static final long WAIT_MILLIS = 5000;
    private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    private static final String LISTENER = "org.osgi.service.cm.ConfigurationListener";
    private static final String EVENT = "org.osgi.service.cm.ConfigurationEvent";
    private static final String MARKER_PID = "sandbox.launcher.policy-loaded";
    private static final Pattern CONFIGURATION_FILE = Pattern.compile(".*\\.(cfg|config)");

    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Object admin;
    private final Class<?> adminType;
    private final Class<?> configurationType;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ServiceRegistration<?> listener;

    private PolicyBeforePlugins(BundleContext context, ServiceReference<?> reference) throws ReflectiveOperationException {
        this.context = context;
        this.reference = reference;
        Bundle cm = reference.getBundle();
        admin = context.getService(reference);
        adminType = cm.loadClass(CONFIGURATION_ADMIN);
        configurationType = cm.loadClass(CONFIGURATION);
        Class<?> listenerType = cm.loadClass(LISTENER);
        Method eventPid = cm.loadClass(EVENT).getMethod("getPid");
        Object proxy = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                (self, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(self, method, args);
                    }
                    if (method.getName().equals("configurationEvent")) {
                        seen.add(String.valueOf(eventPid.invoke(args[0])));
                    }
                    return null;
                });
        listener = context.registerService(LISTENER, proxy, null);
    }

    /**
     * Starts listening to Configuration Admin's events; call before the etc/ watcher exists, so no event of a policy
     * file is missed.
     */
    static PolicyBeforePlugins listen(BundleContext context, Path etc) throws LaunchException {
        ServiceReference<?> reference = context.getServiceReference(CONFIGURATION_ADMIN);
        if (reference == null) {
            throw new LaunchException("Configuration Admin is not running, so the policy files in " + etc + " cannot be read");
        }
        try {
            return new PolicyBeforePlugins(context, reference);
        } catch (ReflectiveOperationException | RuntimeException e) {
            context.ungetService(reference);
            throw new LaunchException("cannot listen to Configuration Admin (1.6 API expected): " + e, e);
        }
    }

    /**
     * Returns when every configuration file in etc/ is a configuration whose event has been delivered to every
     * listener, sandbox.core's policy included; then stops listening.
     */
    void await(Path etc, PrintStream out) throws LaunchException {
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            Set<String> missing = missing(etc);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                missing = missing(etc);
            }
            if (!missing.isEmpty()) {
                out.println("Sandbox: policy files not read after " + WAIT_MILLIS + " ms, plugins start without them: "
                        + missing);
                return;
            }
            // Events go out one after the other, each to every listener: once the marker's arrives, every
            // listener has had the policy files' events.
            Object marker = adminType.getMethod("getConfiguration", String.class, String.class)
                    .invoke(admin, MARKER_PID, null);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("at", System.nanoTime());
            configurationType.getMethod("update", Dictionary.class).invoke(marker, properties);
            while (!seen.contains(MARKER_PID) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (!seen.contains(MARKER_PID)) {
                out.println("Sandbox: Configuration Admin did not deliver its events within " + WAIT_MILLIS
                        + " ms; plugins may start before the policy in " + etc + " is in force");
            }
            configurationType.getMethod("delete").invoke(marker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new LaunchException("cannot tell whether the policy files in " + etc + " are read: " + e.getCause(), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LaunchException("cannot tell whether the policy files in " + etc + " are read: " + e, e);
        } finally {
            listener.unregister();
            context.ungetService(reference);
        }
    }

    /** The configuration files of etc/ whose configuration does not exist yet, or whose event has not come yet. */
    private Set<String> missing(Path etc) throws ReflectiveOperationException {
        Set<String> delivered = new HashSet<>();
        Object[] configurations = (Object[]) adminType.getMethod("listConfigurations", String.class)
                .invoke(admin, "(felix.fileinstall.filename=*)");
        if (configurations != null) {
            Method properties = configurationType.getMethod("getProperties");
            Method pid = configurationType.getMethod("getPid");
            for (Object configuration : configurations) {
                Dictionary<?, ?> p = (Dictionary<?, ?>) properties.invoke(configuration);
                if (p != null && p.get("felix.fileinstall.filename") != null && seen.contains(pid.invoke(configuration))) {
                    delivered.add(p.get("felix.fileinstall.filename").toString());
                }
            }
        }
        return files(etc).stream().filter(uri -> !delivered.contains(uri)).collect(Collectors.toSet());
    }

    /** The URIs FileInstall gives the configuration files of the folder ({@code File.toURI}, not {@code Path.toUri}). */
    static List<String> files(Path etc) {
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(p -> CONFIGURATION_FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .map(p -> new File(p.toString()).getAbsoluteFile().toURI().toString())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Object objectMethod(Object self, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            default:
                return "sandbox launcher policy-loaded listener";
        }
    }
}
