package sandbox.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import sandbox.api.IsolationLevel;
import sandbox.api.PermissionKind;
import sandbox.core.guard.SandboxDeniedException;

/**
 * The one place that decides {@code (plugin, permission, action, target) -> allow | deny}. Every enforcement point
 * calls it: the weaving guard now, a JDK sink agent later (it knows only a plugin id: {@link #permits(String,
 * PermissionKind, String, String)}).
 *
 * <p>Targets are canonical strings: a file path (canonicalised here), {@code host:port}, a property name,
 * {@code env:NAME}, a command or library name, {@code *} when there is none. Decisions for a target are cached in
 * the handle's current snapshot; a policy change brings a new, empty cache.
 */
public final class PolicyDecisionPoint {
    private PolicyDecisionPoint() {
    }

    /**
     * @return whether the plugin's policy allows the operation; MINIMAL answers as STANDARD would (it only records)
     */
    public static boolean permits(PolicyHandle h, PermissionKind kind, String action, String target) {
        PolicySnapshot s = h.snapshot();
        if (kind == PermissionKind.THREAD) {
            // The live-thread quota is runaway containment's one decision, shared with its watchdog; a thread grant
            // does not lift it (docs/runaway.md). Not cached: the count changes.
            return sandbox.core.runaway.ThreadQuota.admits(h.pluginId(), s.config);
        }
        return cachedDecision(s, kind, action, target);
    }

    /**
     * The guard's fast path, decided from one snapshot: true when the policy allows the operation and there is
     * nothing to record or report (the level is above MINIMAL; thread checks always take {@link #enforce}). False
     * means "call {@link #enforce}", which decides again (from the cache), records, reports and throws as it does
     * for every caller. It lets the guard skip building the operation's name, only used there, on allowed calls.
     */
    public static boolean allowedQuietly(PolicyHandle h, PermissionKind kind, String action, String target) {
        PolicySnapshot s = h.snapshot();
        return s.level != IsolationLevel.MINIMAL && kind != PermissionKind.THREAD && cachedDecision(s, kind, action, target);
    }

    private static boolean cachedDecision(PolicySnapshot s, PermissionKind kind, String action, String target) {
        Boolean cached = s.cached(kind, action, target);
        if (cached != null) {
            return cached;
        }
        boolean allowed = decide(s, kind, action, target);
        s.remember(kind, action, target, allowed);
        return allowed;
    }

    /** For enforcement points that know only the plugin's id; an unknown id is denied (H11). */
    public static boolean permits(String pluginId, PermissionKind kind, String action, String target) {
        return HandleRegistry.byPlugin(pluginId).map(h -> permits(h, kind, action, target)).orElse(false);
    }

    /**
     * Decides and acts: returns when allowed; at MINIMAL records and returns; otherwise reports the violation and
     * throws.
     *
     * @throws SandboxDeniedException when denied at STANDARD or above
     */
    public static void enforce(PolicyHandle h, PermissionKind kind, String action, String target, String operation) {
        boolean allowed = permits(h, kind, action, target);
        PolicySnapshot s = h.snapshot();
        if (s.level == IsolationLevel.MINIMAL) {
            boolean fresh = h.audit().record(kind.headerName() + " " + action + " " + operation + " " + target);
            if (!allowed && fresh) {
                ViolationReporter.report(h, kind, operation, target, false);
            }
            return;
        }
        if (!allowed) {
            if (kind == PermissionKind.THREAD) {
                // during an execution: ends it as THREADS_EXCEEDED (throws); otherwise a denial as below
                sandbox.core.runaway.ThreadQuota.refuse(h.pluginId(), s.config);
            }
            ViolationReporter.report(h, kind, operation, target, true);
            throw new SandboxDeniedException(h.pluginId(), h.version(), kind, action, operation, target);
        }
    }

    private static boolean decide(PolicySnapshot s, PermissionKind kind, String action, String target) {
        return switch (kind) {
            case FILE -> s.files.allows(PathCanonicalizer.canonical(Path.of(target)).toString(), action);
            case NETWORK -> network(s, action, target);
            default -> s.names.allows(kind, target, action);
        };
    }

    private static boolean network(PolicySnapshot s, String action, String target) {
        int colon = target.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(target.substring(colon + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (!HostGrants.isLiteral(host)) {
            return s.hosts.allowsName(host, port, action, s.strict);
        }
        try {
            return s.hosts.allowsAddress(InetAddress.getByName(host), port, action, s.strict);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
