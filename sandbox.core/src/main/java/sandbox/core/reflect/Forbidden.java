package sandbox.core.reflect;

import java.util.List;

/**
 * JDK internals a plugin class may not name at all (B9, B10): {@code sun.misc.Unsafe} writes any memory and
 * flips {@code override} bits, {@code sun.reflect.ReflectionFactory} makes instances without constructors,
 * {@code jdk.internal} is the JDK's own. The resolver hook keeps these packages out of a plugin's wiring; this is
 * the second lock for classes that reach them anyway (boot delegation, a future export).
 */
final class Forbidden {
    private static final List<String> PREFIXES = List.of("sun/misc/", "sun/reflect/", "jdk/internal/");

    private Forbidden() {
    }

    /** @throws IllegalStateException (the class is refused) when {@code type} is forbidden */
    static void check(String inClass, String type) {
        String p = forbiddenPrefix(type);
        if (p != null) {
            throw new IllegalStateException(inClass.replace('/', '.') + " refers to " + bare(type).replace('/', '.')
                    + ": plugins may not use " + p.replace('/', '.') + "* (escape catalogue B9, B10)");
        }
    }

    /** @return true when {@link #check} would refuse {@code type} (an internal name, array or field descriptor) */
    static boolean isForbiddenType(String type) {
        return forbiddenPrefix(type) != null;
    }

    private static String forbiddenPrefix(String type) {
        if (type == null) {
            return null;
        }
        String t = bare(type);
        for (String p : PREFIXES) {
            if (t.startsWith(p)) {
                return p;
            }
        }
        return null;
    }

    private static String bare(String type) {
        String t = type;
        while (t.startsWith("[")) {
            t = t.substring(1);
        }
        if (t.startsWith("L") && t.endsWith(";")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /**
     * Members named {@code $sandbox$...} are the weaver's (the policy-handle field, guard wrappers): a plugin's own
     * bytecode may neither declare nor use them, so no plugin code reads its handle or collides with a wrapper.
     *
     * @throws IllegalStateException (the class is refused) for such a name
     */
    static void checkMember(String inClass, String member) {
        if (member.startsWith("$sandbox$")) {
            throw new IllegalStateException(inClass.replace('/', '.') + " uses member " + member
                    + ": names $sandbox$* are the weaver's (escape catalogue H10)");
        }
    }

    static boolean isWeaverMember(String member) {
        return member.startsWith("$sandbox$");
    }

    static boolean isForbiddenName(String className) {
        String t = className.replace('.', '/');
        return PREFIXES.stream().anyMatch(t::startsWith);
    }
}
