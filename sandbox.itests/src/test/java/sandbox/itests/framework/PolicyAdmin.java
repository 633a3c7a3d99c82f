package sandbox.itests.framework;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import sandbox.itests.Await;

/**
 * Writes operator policy into the real Configuration Admin of the container, as an operator's .cfg file would
 * (factory PID {@value #FACTORY_PID}). The org.osgi.service.cm API is reached through the Configuration Admin
 * bundle's own class, because this test module does not compile against it.
 */
final class PolicyAdmin {
    static final String FACTORY_PID = "sandbox.policy";

    private final Object admin;
    private final Class<?> adminType;
    private final Class<?> configurationType;

    PolicyAdmin(BundleContext context) throws ReflectiveOperationException {
        ServiceReference<?> ref = Await.until("Configuration Admin",
                () -> java.util.Optional.ofNullable(context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin")));
        adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        admin = context.getService(ref);
    }

    /** @return the PID of a new policy entry holding these properties */
    String create(Dictionary<String, Object> properties) throws ReflectiveOperationException {
        return create(FACTORY_PID, properties);
    }

    /** @return the PID of a new configuration of any factory PID holding these properties */
    String create(String factoryPid, Dictionary<String, Object> properties) throws ReflectiveOperationException {
        Method create = adminType.getMethod("createFactoryConfiguration", String.class, String.class);
        Object configuration = create.invoke(admin, factoryPid, "?");
        update(configuration, properties);
        return (String) configurationType.getMethod("getPid").invoke(configuration);
    }

    /** Replaces the properties of an existing entry. */
    void update(String pid, Dictionary<String, Object> properties) throws ReflectiveOperationException {
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        update(configuration, properties);
    }

    /** @return the properties Configuration Admin holds for the entry */
    @SuppressWarnings("unchecked")
    Dictionary<String, Object> stored(String pid) throws ReflectiveOperationException {
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        return (Dictionary<String, Object>) configurationType.getMethod("getProperties").invoke(configuration);
    }

    private void update(Object configuration, Dictionary<String, Object> properties) throws ReflectiveOperationException {
        configurationType.getMethod("update", Dictionary.class).invoke(configuration, properties);
    }

    /** @return properties for an entry: match, level, and grants (each in Sandbox-Permissions syntax) */
    static Dictionary<String, Object> entry(String match, String level, String... grants) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("match", match);
        p.put("level", level);
        p.put("grants", grants);
        return p;
    }
}
