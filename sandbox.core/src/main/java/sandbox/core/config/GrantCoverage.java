package sandbox.core.config;

import java.util.List;
import sandbox.api.PermissionGrant;
import sandbox.api.PluginPermissions;

/**
 * The install-time report: which requested grants the policy does not cover. A requested grant is covered when a
 * granted one of the same kind allows all its actions and its target covers the requested target. Covering is decided
 * conservatively (equal targets, {@code *}/{@code **}, a {@code prefix/**} or {@code prefix*} grant over a target
 * with that prefix, or a glob grant matching a literal target); when in doubt it is reported as not granted, which
 * costs an operator a second look, never a silent grant.
 */
public final class GrantCoverage {
    private GrantCoverage() {
    }

    /**
     * @param requested what the plugin's header asks for
     * @param granted what the policy grants
     * @return the requested grants not covered, in header order
     */
    public static PluginPermissions notGranted(PluginPermissions requested, PluginPermissions granted) {
        List<PermissionGrant> missing = requested.grants().stream()
                .filter(r -> granted.of(r.kind()).stream().noneMatch(g -> covers(g, r))).toList();
        return new PluginPermissions(missing);
    }

    /** @return true when {@code grant} allows everything {@code request} asks */
    public static boolean covers(PermissionGrant grant, PermissionGrant request) {
        return grant.kind() == request.kind() && grant.actions().containsAll(request.actions())
                && targetCovers(grant.target(), request.target());
    }

    static boolean targetCovers(String granted, String requested) {
        if (granted.equals(requested) || granted.equals("*") || granted.equals("**")) {
            return true;
        }
        if (granted.endsWith("/**")) {
            String dir = granted.substring(0, granted.length() - 2);
            return requested.startsWith(dir);
        }
        if (granted.endsWith("*") && granted.indexOf('*') == granted.length() - 1 && granted.indexOf('?') < 0) {
            String prefix = granted.substring(0, granted.length() - 1);
            return requested.startsWith(prefix) && requested.indexOf('/', prefix.length()) < 0;
        }
        if (!hasWildcard(requested) && hasWildcard(granted)) {
            return TargetGlob.matches(granted, requested);
        }
        return false;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
