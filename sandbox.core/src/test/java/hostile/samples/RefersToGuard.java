package hostile.samples;

/** H10: a plugin that names the guard itself; the weaver refuses to load it. */
public final class RefersToGuard {
    private RefersToGuard() {
    }

    static Object bindAsBundleZero() {
        return sandbox.core.guard.Guard.bind(0L);
    }
}
