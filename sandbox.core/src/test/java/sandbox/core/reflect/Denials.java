package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import sandbox.api.PermissionKind;
import sandbox.api.Violation;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.ViolationReporter;

/** Assertions on denials: the exception (anywhere in the cause chain the JDK wraps it in) and the violation record. */
final class Denials {
    interface Action {
        Object run() throws Throwable;
    }

    private Denials() {
    }

    /** @return the denial, after checking its kind and that a violation with the plugin's frames was recorded */
    static SandboxDeniedException assertDenied(WovenPlugin p, PermissionKind kind, Action action) {
        Violation before = last(p);
        try {
            Object result = action.run();
            fail("expected a " + kind + " denial, got " + result);
        } catch (Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof SandboxDeniedException d) {
                    assertEquals(d.getMessage(), kind, d.permission());
                    assertTrue("the message names the plugin: " + d.getMessage(), d.getMessage().contains(p.handle.pluginId()));
                    Violation v = last(p);
                    assertTrue("a violation is recorded", v != null && v != before);
                    assertEquals(kind, v.permission());
                    assertTrue("the violation holds the plugin's own frames: " + v.pluginFrames(),
                            v.pluginFrames().stream().anyMatch(f -> f.startsWith("reflsamples.")));
                    return d;
                }
            }
            throw new AssertionError("expected a " + kind + " denial, got " + t, t);
        }
        throw new AssertionError("unreachable");
    }

    static Violation last(WovenPlugin p) {
        List<Violation> mine = ViolationReporter.pending().stream()
                .filter(v -> v.pluginId().equals(p.handle.pluginId())).toList();
        return mine.isEmpty() ? null : mine.get(mine.size() - 1);
    }
}
