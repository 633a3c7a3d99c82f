package sandbox.core.policy;

import java.util.List;
import java.util.Set;
import sandbox.api.PermissionGrant;
import sandbox.api.PermissionKind;

/**
 * Grants whose target is a name: system properties ({@code user.home}, {@code app.*}), environment variables
 * ({@code env:HOME}), native libraries, commands, and {@code *} for kinds without a meaningful target
 * (exit, JVM-global state, reflection, class definition; a thread grant lifts no quota: runaway.ThreadQuota).
 */
final class NameGrants {
    /**
     * Properties every plugin may read from STANDARD up: facts about the platform that no secret hides in. A
     * policy can grant more; this list is deliberately short.
     */
    static final Set<String> HARMLESS_PROPERTIES = Set.of("line.separator", "file.separator", "path.separator",
            "java.version", "java.specification.version", "java.vendor", "java.vm.name", "java.vm.version",
            "os.name", "os.arch", "os.version", "file.encoding", "native.encoding", "sun.jnu.encoding",
            "java.class.version", "user.language", "user.country");

    private final List<PermissionGrant> grants;

    NameGrants(List<PermissionGrant> grants) {
        this.grants = List.copyOf(grants);
    }

    boolean allows(PermissionKind kind, String name, String action) {
        if (kind == PermissionKind.PROPERTY && action.equals("read") && HARMLESS_PROPERTIES.contains(name)) {
            return true;
        }
        for (PermissionGrant g : grants) {
            if (g.kind() == kind && g.allows(action) && matches(g.target(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return name != null && name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(name);
    }
}
