package sandbox.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of sensitive operation a plugin can be granted. Each kind names the actions it knows;
 * a grant naming another action is rejected when it is parsed.
 */
public enum PermissionKind {
    /** Files by path or glob. */
    FILE("read", "write", "delete", "execute"),
    /** Sockets by host and port, and name resolution. */
    NETWORK("connect", "listen", "accept", "resolve"),
    /** Starting operating-system processes. */
    PROCESS("exec"),
    /** {@code System.exit}, {@code Runtime.halt}. */
    EXIT("exit"),
    /** Loading native libraries and foreign-function access. */
    NATIVE("load"),
    /** Creating threads beyond the plugin's quota. */
    THREAD("create"),
    /** Reflection into JDK or other bundles' internals, {@code setAccessible}. */
    REFLECTION("access"),
    /** Defining classes and creating class loaders at run time. */
    CLASS_DEFINITION("define"),
    /** System properties and environment variables, by name. */
    PROPERTY("read", "write"),
    /** JVM-wide state: standard streams, default locale and time zone, handlers, shutdown hooks, factories. */
    JVM_GLOBAL("modify"),
    /** The OSGi framework: bundle life cycle, hooks, control services, fragments, services offered to the host. */
    FRAMEWORK("lifecycle", "hook", "service", "fragment", "register");

    private final Set<String> actions;

    PermissionKind(String... actions) {
        this.actions = Set.of(actions);
    }

    /** @return the actions this kind understands */
    public Set<String> actions() {
        return actions;
    }

    /** @return the lower-case name used in manifest headers and configuration */
    public String headerName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param text a kind as written in a header, e.g. {@code "file"} or {@code "class-definition"}
     * @return the kind
     * @throws IllegalArgumentException naming the bad value and the known kinds
     */
    public static PermissionKind parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PermissionKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown permission kind '" + text + "'; expected one of "
                + Arrays.stream(values()).map(PermissionKind::headerName).collect(Collectors.joining(", ")));
    }
}
