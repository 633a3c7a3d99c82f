package sandbox.core.sink;

import java.util.List;

/**
 * Stands in for plugin code in {@link PluginSinkCheckTest}: {@link PluginLoader} defines it again in a loader the
 * test maps to a plugin bundle (not woven: the sink layer is exactly for calls the guard does not see). It reaches
 * the stand-in gate through a JDK frame, as real plugin code reaches a JDK sink through a wrapper.
 */
public final class SinkSample {
    private SinkSample() {
    }

    /** Calls the gate for {@code sink} with {@code a} and {@code b}, from inside a JDK method (List.forEach). */
    public static void reach(int sink, Object a, Object b) {
        List.of(a).forEach(x -> FakeGate.check(sink, x, b));
    }
}
