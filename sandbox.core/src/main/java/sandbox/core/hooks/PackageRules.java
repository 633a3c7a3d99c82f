package sandbox.core.hooks;

import java.util.List;
import java.util.Optional;
import sandbox.api.PermissionKind;

/**
 * Packages of trusted exporters (the system bundle above all) that a plugin may wire to only when granted, as data.
 * A row covers its package and every package below it. The permission a row names is what grants it, with the
 * package name as target, e.g. {@code reflection;target="sun.misc";actions=access} or
 * {@code framework;target="org.osgi.service.cm";actions=service}.
 *
 * <p>{@code java.*} is not here: the framework always delegates it to the boot loader, so no resolver sees it;
 * sensitive {@code java.*} APIs are the weaving guard's table.
 */
public final class PackageRules {

    /** One forbidden package subtree and the grant that opens it. */
    public record Rule(String prefix, PermissionKind kind, String action, String why) {
        boolean covers(String pkg) {
            return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
        }
    }

    /** The table. Adding a package is one line. */
    public static final List<Rule> RULES = List.of(
            new Rule("sun", PermissionKind.REFLECTION, "access", "JDK internals (sun.misc.Unsafe, sun.reflect)"),
            new Rule("com.sun", PermissionKind.REFLECTION, "access", "JDK internals, attach API, JDK management, httpserver"),
            new Rule("jdk", PermissionKind.REFLECTION, "access", "JDK modules: jshell, dynalink, jfr, internal"),
            new Rule("javax.management", PermissionKind.REFLECTION, "access", "JMX: reflection engine and diagnostic commands"),
            new Rule("javax.naming", PermissionKind.REFLECTION, "access", "JNDI: remote class loading, LDAP"),
            new Rule("javax.rmi", PermissionKind.REFLECTION, "access", "RMI: remote class loading"),
            new Rule("javax.tools", PermissionKind.CLASS_DEFINITION, "define", "the Java compiler"),
            new Rule("javax.script", PermissionKind.CLASS_DEFINITION, "define", "script engines"),
            new Rule("org.osgi.framework.hooks", PermissionKind.FRAMEWORK, "hook", "framework hooks (weaving, resolver, find, event)"),
            new Rule("org.osgi.framework.launch", PermissionKind.FRAMEWORK, "lifecycle", "framework launching"),
            new Rule("org.osgi.framework.wiring", PermissionKind.FRAMEWORK, "lifecycle", "FrameworkWiring refresh/resolve, other bundles' loaders"),
            new Rule("org.osgi.framework.startlevel", PermissionKind.FRAMEWORK, "lifecycle", "start levels"),
            new Rule("org.osgi.service.packageadmin", PermissionKind.FRAMEWORK, "lifecycle", "refresh and resolve"),
            new Rule("org.osgi.service.startlevel", PermissionKind.FRAMEWORK, "lifecycle", "start levels"),
            new Rule("org.osgi.service.cm", PermissionKind.FRAMEWORK, "service", "Configuration Admin: the sandbox's own policy"),
            new Rule("org.osgi.service.permissionadmin", PermissionKind.FRAMEWORK, "service", "permission admin"),
            new Rule("org.osgi.service.condpermadmin", PermissionKind.FRAMEWORK, "service", "conditional permission admin"),
            new Rule("org.osgi.service.component.runtime", PermissionKind.FRAMEWORK, "service", "enable/disable any component"),
            new Rule("org.apache.felix", PermissionKind.FRAMEWORK, "service", "Felix internals, Gogo, SCR, FileInstall"));

    /**
     * Packages no grant opens, at any level: the JDK sink agent's gate (sandbox.agent.gate, on the boot class path and
     * exported by the system bundle only so that sandbox.core can install its checker; docs/sinks.md).
     */
    public static final List<String> CLOSED = List.of("sandbox.agent");

    private PackageRules() {
    }

    /** @return true when no plugin may wire to the package, whatever it is granted */
    public static boolean closed(String pkg) {
        return CLOSED.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    /** @return the rule covering the package, if it is sensitive */
    public static Optional<Rule> ruleFor(String pkg) {
        return RULES.stream().filter(r -> r.covers(pkg)).findFirst();
    }
}
