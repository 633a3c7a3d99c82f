package hostile.corpus;

/**
 * H10: the guard's name computed at run time, so the weaver's scan of the class cannot see it. The class loads;
 * calling {@code Guard.bind} for bundle 0 (the system bundle) is refused because the guard finds the real caller
 * by a stack walk, and this class is not the system bundle's.
 */
final class GuardByComputedName {
    private GuardByComputedName() {
    }

    static Object find() throws Exception {
        String name = String.join(".", "sandbox", "core", "guard", "Guard");
        return Class.forName(name).getMethod("bind", long.class).invoke(null, 0L);
    }
}
