package sandbox.core.hooks;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import sandbox.api.PermissionKind;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.api.ViolationSeverity;

/**
 * Reports framework-level denials: a {@link Violation} with permission {@link PermissionKind#FRAMEWORK} (or the kind
 * of the package rule) on the violation service, and a log line. The resolver asks the same question many times
 * (every dynamic-import miss re-resolves), so a repeat of the same plugin, operation and target is reported once
 * until {@link #forget()} (called when the policy changes).
 */
public final class FrameworkViolations {
    private static final System.Logger LOG = System.getLogger("sandbox.core.hooks");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Supplier<ViolationService> service;
    private final Predicate<Bundle> isPlugin;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param service the violation service as of now; {@code null} result: the denial is only logged
     * @param isPlugin the trust rule, to find the plugin's own stack frames
     */
    public FrameworkViolations(Supplier<ViolationService> service, Predicate<Bundle> isPlugin) {
        this.service = service;
        this.isPlugin = isPlugin;
    }

    /**
     * @param plugin the plugin
     * @param kind the permission kind not granted
     * @param operation what it tried, e.g. {@code "Import-Package"}
     * @param target on what, e.g. the package
     * @param decision DENY (enforced) or RECORD (MINIMAL: not enforced)
     */
    public void report(Bundle plugin, PermissionKind kind, String operation, String target, Decision decision) {
        if (decision == Decision.ALLOW || !reported.add(plugin.getBundleId() + "|" + operation + "|" + target)) {
            return;
        }
        boolean enforced = decision == Decision.DENY;
        Violation v = new Violation(ViolationKind.PERMISSION_DENIED, ViolationSeverity.ERROR,
                String.valueOf(plugin.getSymbolicName()), plugin.getVersion().toString(), kind, operation, target,
                enforced, pluginFrames(), Instant.now());
        LOG.log(enforced ? Level.WARNING : Level.INFO, "sandbox framework defence: " + v.describe());
        ViolationService s = service.get();
        if (s != null) {
            try {
                s.report(v);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "violation service failed to record " + v.describe(), e);
            }
        }
    }

    /** Reports the same denials again from now on. */
    public void forget() {
        reported.clear();
    }

    /** @return the frames of plugin classes on the current stack, innermost first */
    List<String> pluginFrames() {
        return WALKER.walk(frames -> frames
                .filter(f -> isPlugin.test(FrameworkUtil.getBundle(f.getDeclaringClass())))
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .limit(32).toList());
    }

    /** @return the plugin bundle nearest the top of the current stack, if any plugin code is on it */
    Bundle callingPlugin() {
        return WALKER.walk(frames -> frames.map(f -> FrameworkUtil.getBundle(f.getDeclaringClass()))
                .filter(isPlugin).findFirst().orElse(null));
    }
}
