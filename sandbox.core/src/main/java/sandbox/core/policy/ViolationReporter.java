package sandbox.core.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import sandbox.api.PermissionKind;
import sandbox.api.Violation;
import sandbox.api.ViolationKind;
import sandbox.api.ViolationService;
import sandbox.api.ViolationSeverity;

/**
 * Sends permission violations to the {@link ViolationService}, with the plugin's own stack frames: frames of
 * classes whose loader is the plugin bundle's. Only denials walk the stack; allowed calls never do. Until the
 * service is there, the last {@value #KEPT} violations are kept here and handed over when it arrives.
 */
public final class ViolationReporter {
    static final int KEPT = 256;
    private static final int MAX_FRAMES = 32;
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Deque<Violation> PENDING = new ArrayDeque<>();
    private static volatile ViolationService service;

    private ViolationReporter() {
    }

    /** Connects the violation service (from the policy component); pending violations are reported to it. */
    public static void connect(ViolationService s) {
        CoreCallers.require("connecting the violation service");
        List<Violation> backlog;
        synchronized (PENDING) {
            service = s;
            backlog = List.copyOf(PENDING);
            PENDING.clear();
        }
        if (s != null) {
            backlog.forEach(s::report);
        }
    }

    /** @return violations not yet handed to a service, oldest first */
    public static List<Violation> pending() {
        synchronized (PENDING) {
            return List.copyOf(PENDING);
        }
    }

    static Violation report(PolicyHandle h, PermissionKind kind, String operation, String target, boolean enforced) {
        List<String> frames = WALKER.walk(s -> s
                .filter(f -> LoaderIdentity.bundleOf(f.getDeclaringClass()) == h.bundleId())
                .limit(MAX_FRAMES)
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .collect(Collectors.toList()));
        Violation v = new Violation(ViolationKind.PERMISSION_DENIED, ViolationSeverity.ERROR, h.pluginId(), h.version(),
                kind, operation, target, enforced, frames, Instant.now());
        ViolationService s = service;
        if (s != null) {
            s.report(v);
        } else {
            synchronized (PENDING) {
                if (PENDING.size() >= KEPT) {
                    PENDING.removeFirst();
                }
                PENDING.addLast(v);
            }
        }
        return v;
    }
}
