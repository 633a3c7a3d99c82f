package sandbox.core.reflect;

import static sandbox.api.PermissionKind.CLASS_DEFINITION;
import static sandbox.api.PermissionKind.JVM_GLOBAL;
import static sandbox.api.PermissionKind.REFLECTION;

import java.util.ArrayList;
import java.util.List;
import sandbox.api.PermissionKind;
import sandbox.core.weaving.ResultWrap;
import sandbox.core.weaving.SensitiveApi;
import sandbox.core.weaving.SensitiveApiSource;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.Target;

/**
 * Plain deny rows (no target: the permission decides) for JDK deputies with no safe use by a plugin: they define
 * classes the weaver never sees, or reflect for the caller from JDK code. Each is allowed only when the
 * permission is granted. Catalogue entries in the comments.
 */
public final class DefinitionRows implements SensitiveApiSource {
    static final String NAME = "reflection-and-code";
    private static final String ALL = SensitiveApi.ANY;
    private final List<SensitiveApi> rows = new ArrayList<>();

    /** Adds these rows to {@code table} unless they are there already (the table refuses a source twice). */
    public static void addTo(SensitiveApiTable table) {
        synchronized (DefinitionRows.class) {
            if (!table.sources().contains(NAME)) {
                table.add(new DefinitionRows());
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SensitiveApi> rows() {
        rows.clear();
        String define = "define";
        // C4: class loaders the JDK or a plugin subclass builds (super() names the JDK class, H3)
        ctor("java.security.SecureClassLoader", CLASS_DEFINITION, define);
        ctor("javax.management.loading.MLet", CLASS_DEFINITION, define);          // present up to JDK 22
        ctor("javax.management.loading.PrivateMLet", CLASS_DEFINITION, define);
        // C5: module layers create loaders and read jars
        all("java.lang.ModuleLayer", CLASS_DEFINITION, define, "defineModules", "defineModulesWithOneLoader",
                "defineModulesWithManyLoaders");
        all("java.lang.ModuleLayer$Controller", REFLECTION, "access", "addOpens", "addExports", "addReads",
                "enableNativeAccess");
        all("java.lang.module.ModuleFinder", CLASS_DEFINITION, define, "of");
        // C6, C9: compilers, shells, tools and script engines
        all("java.util.spi.ToolProvider", CLASS_DEFINITION, define, "findFirst");
        all("javax.tools.ToolProvider", CLASS_DEFINITION, define, "getSystemJavaCompiler",
                "getSystemDocumentationTool", "getSystemToolClassLoader");
        all("jdk.jshell.JShell", CLASS_DEFINITION, define, "create", "builder");
        ctor("javax.script.ScriptEngineManager", CLASS_DEFINITION, define);
        // C7: relaxing an XSLT factory (its translets are JDK-defined classes; extension functions call Java)
        all("javax.xml.transform.TransformerFactory", CLASS_DEFINITION, define, "setFeature", "setAttribute");
        // B6: java.beans reflects for the caller
        ctor("java.beans.Statement", REFLECTION, "access");
        ctor("java.beans.Expression", REFLECTION, "access");
        ctor("java.beans.EventHandler", REFLECTION, "access");
        all("java.beans.EventHandler", REFLECTION, "access", "create");
        ctor("java.beans.XMLDecoder", REFLECTION, "access");
        all("java.beans.Beans", REFLECTION, "access", "instantiate");
        // B7: dynalink links arbitrary methods by name
        ctor("jdk.dynalink.DynamicLinkerFactory", REFLECTION, "access");
        ctor("jdk.dynalink.beans.BeansLinker", REFLECTION, "access");
        // B8, D11, C12: JMX as a reflection engine and the platform's management beans as deputies
        all("java.lang.management.ManagementFactory", JVM_GLOBAL, "modify", "getPlatformMBeanServer",
                "getPlatformMXBean", "getPlatformMXBeans", "newPlatformMXBeanProxy", "getPlatformManagementInterfaces",
                "getClassLoadingMXBean", "getMemoryMXBean", "getThreadMXBean", "getRuntimeMXBean",
                "getCompilationMXBean", "getOperatingSystemMXBean", "getMemoryPoolMXBeans", "getMemoryManagerMXBeans",
                "getGarbageCollectorMXBeans");
        all("javax.management.MBeanServerFactory", JVM_GLOBAL, "modify", "createMBeanServer", "newMBeanServer",
                "findMBeanServer");
        ctor("javax.management.modelmbean.RequiredModelMBean", REFLECTION, "access");
        // C12: agents through the attach API and the debugger interface
        all("com.sun.tools.attach.VirtualMachine", JVM_GLOBAL, "modify", "attach", "list");
        all("com.sun.tools.attach.spi.AttachProvider", JVM_GLOBAL, "modify", "providers");
        all("com.sun.jdi.Bootstrap", JVM_GLOBAL, "modify", "virtualMachineManager");
        // D12: persistent preferences written by a JDK timer thread
        all("java.util.prefs.Preferences", JVM_GLOBAL, "modify", "userRoot", "systemRoot", "userNodeForPackage",
                "systemNodeForPackage");
        // beyond the catalogue: JDK code that instantiates or calls by name, or deserialises without a filter
        ctor("javax.swing.UIDefaults$ProxyLazyValue", REFLECTION, "access");
        all("java.rmi.MarshalledObject", REFLECTION, "access", "get");
        all("java.util.ServiceLoader", REFLECTION, "access", "loadInstalled");
        return List.copyOf(rows);
    }

    private void ctor(String owner, PermissionKind kind, String action) {
        rows.add(new SensitiveApi(owner.replace('.', '/'), "<init>", ALL, kind, action, Target.NONE, ResultWrap.NONE, NAME));
    }

    private void all(String owner, PermissionKind kind, String action, String... names) {
        for (String n : names) {
            rows.add(new SensitiveApi(owner.replace('.', '/'), n, ALL, kind, action, Target.NONE, ResultWrap.NONE, NAME));
        }
    }
}
