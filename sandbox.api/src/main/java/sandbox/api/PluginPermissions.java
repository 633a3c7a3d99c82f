package sandbox.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of permission grants: what a plugin asks for in its {@value #HEADER} header, or what the
 * operator's policy grants it.
 *
 * <p>Header syntax (OSGi header form, clauses separated by commas):
 * <pre>
 * Sandbox-Permissions: file;target="cache/**";actions="read,write",
 *   network;target="api.example.com:443";actions=connect,
 *   property;target="user.home";actions=read
 * </pre>
 *
 * @param grants the grants, in the order written
 */
public record PluginPermissions(List<PermissionGrant> grants) {

    /** The manifest header in which a plugin states the permissions it needs. */
    public static final String HEADER = "Sandbox-Permissions";

    /** No grants at all. */
    public static final PluginPermissions NONE = new PluginPermissions(List.of());

    /** Copies the list; {@code null} is not a set of grants. */
    public PluginPermissions {
        grants = List.copyOf(grants);
    }

    /**
     * Parses a header value. A blank value means no permissions.
     *
     * @param header the header value, may be {@code null}
     * @return the grants
     * @throws IllegalArgumentException naming the clause that is wrong and why
     */
    public static PluginPermissions parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        List<PermissionGrant> result = new ArrayList<>();
        int index = 0;
        for (String clause : HeaderSyntax.split(header, ',')) {
            index++;
            try {
                result.add(parseClause(clause));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(HEADER + " clause " + index + " '" + clause.strip() + "': " + e.getMessage(), e);
            }
        }
        return new PluginPermissions(result);
    }

    private static PermissionGrant parseClause(String clause) {
        List<String> parts = HeaderSyntax.split(clause, ';');
        PermissionKind kind = PermissionKind.parse(parts.get(0));
        String target = "*";
        Set<String> actions = new HashSet<>();
        for (String attribute : parts.subList(1, parts.size())) {
            int eq = attribute.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("attribute '" + attribute.strip() + "' has no '='");
            }
            String name = attribute.substring(0, eq).strip();
            String value = HeaderSyntax.unquote(attribute.substring(eq + 1).strip());
            switch (name) {
                case "target" -> target = value;
                case "actions" -> {
                    for (String action : value.split(",")) {
                        if (!action.isBlank()) {
                            actions.add(action.strip());
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown attribute '" + name + "'; expected target or actions");
            }
        }
        return new PermissionGrant(kind, target, actions);
    }

    /** @return the grants of the given kind */
    public List<PermissionGrant> of(PermissionKind kind) {
        return grants.stream().filter(g -> g.kind() == kind).collect(Collectors.toList());
    }

    /** @return the grants here that {@code granted} does not contain exactly */
    public PluginPermissions minus(PluginPermissions granted) {
        return new PluginPermissions(grants.stream().filter(g -> !granted.grants.contains(g)).collect(Collectors.toList()));
    }

    /** @return true when there are no grants */
    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /** @return the grants in header syntax */
    public String toHeader() {
        return grants.stream().map(PermissionGrant::toString).collect(Collectors.joining(","));
    }
}
