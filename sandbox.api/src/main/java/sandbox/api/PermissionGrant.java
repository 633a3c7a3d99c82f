package sandbox.api;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One permission: a kind, a target and the actions allowed on it.
 *
 * <p>Targets by kind: {@code FILE} a path or glob ({@code **} crosses directories, {@code *} does not; a
 * relative path is inside the plugin's data folder); {@code NETWORK} {@code host:port}, {@code host:*} or
 * {@code *:port}; {@code PROPERTY} a property name or a prefix ending in {@code *}; other kinds {@code *}.
 *
 * @param kind what sort of operation
 * @param target what it applies to, never blank
 * @param actions the allowed actions, a non-empty subset of {@link PermissionKind#actions()}
 */
public record PermissionGrant(PermissionKind kind, String target, Set<String> actions) {

    /** Rejects a missing kind, a blank target, and empty or unknown actions, naming the grant. */
    public PermissionGrant {
        Objects.requireNonNull(kind, "permission kind is missing");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException(kind.headerName() + " permission has no target");
        }
        target = target.strip();
        if (actions == null || actions.isEmpty()) {
            actions = kind.actions();
        }
        for (String action : actions) {
            if (!kind.actions().contains(action)) {
                throw new IllegalArgumentException(kind.headerName() + " permission on '" + target
                        + "' has unknown action '" + action + "'; expected some of " + new TreeSet<>(kind.actions()));
            }
        }
        actions = Set.copyOf(actions);
        if (kind == PermissionKind.NETWORK) {
            checkHostPort(target);
        }
    }

    /**
     * @param kind the kind
     * @param target the target
     * @param actions the allowed actions; none means all the kind knows
     * @return the grant
     */
    public static PermissionGrant of(PermissionKind kind, String target, String... actions) {
        return new PermissionGrant(kind, target, Set.of(actions));
    }

    /** @return true when this grant allows {@code action} */
    public boolean allows(String action) {
        return actions.contains(action);
    }

    @Override
    public String toString() {
        return kind.headerName() + ";target=\"" + target + "\";actions=\"" + String.join(",", new TreeSet<>(actions)) + "\"";
    }

    private static void checkHostPort(String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new IllegalArgumentException("network permission target '" + target + "' must be host:port, host:* or *:port");
        }
        String port = target.substring(colon + 1);
        if (port.equals("*")) {
            return;
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("network permission target '" + target + "' has a bad port '" + port + "'");
        }
    }
}
