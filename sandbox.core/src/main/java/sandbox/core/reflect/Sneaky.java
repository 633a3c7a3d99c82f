package sandbox.core.reflect;

/** Rethrows a throwable unchanged where a signature cannot declare it (what {@code Class.newInstance} does). */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
