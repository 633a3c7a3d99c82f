package reflrefused;

/** B9: a plugin class that names sun.misc.Unsafe in its bytecode; the weaver must refuse it. */
public final class NamesUnsafe {
    private NamesUnsafe() {
    }

    public static Object unsafe() {
        return sun.misc.Unsafe.class;
    }
}
