package hostile.corpus;

/**
 * H10: names the sandbox's guard to call it reflectively. The weaver refuses any plugin class whose bytes name a
 * package of sandbox.core, so this class never loads and the action fails. ({@code toString()} keeps bnd from
 * reading the constant as a package import.)
 */
final class GuardByName {
    private static final String GUARD = "sandbox.core.guard.Guard";

    private GuardByName() {
    }

    static Object find() throws Exception {
        return Class.forName(GUARD.toString()).getMethod("bind", long.class).invoke(null, 0L);
    }
}
