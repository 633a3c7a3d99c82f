package sandbox.core.reflect;

import java.util.Map;

/**
 * The argument checks {@code Method.invoke} makes, done before the guard looks at the arguments: count, type,
 * unboxing with widening. A call that {@code Method.invoke} would reject with {@code IllegalArgumentException}
 * is rejected the same way, before any target is checked or copied.
 */
final class Args {
    private static final Map<Class<?>, Integer> RANK = Map.of(byte.class, 1, short.class, 2, char.class, 2,
            int.class, 3, long.class, 4, float.class, 5, double.class, 6);
    private static final Map<Class<?>, Class<?>> PRIMITIVE = Map.of(Byte.class, byte.class, Short.class, short.class,
            Character.class, char.class, Integer.class, int.class, Long.class, long.class, Float.class, float.class,
            Double.class, double.class, Boolean.class, boolean.class);

    private Args() {
    }

    static Object[] coerce(Class<?>[] params, Object[] args) {
        Object[] a = args == null ? new Object[0] : args.clone();
        if (a.length != params.length) {
            throw new IllegalArgumentException("wrong number of arguments: " + a.length + " expected: " + params.length);
        }
        for (int i = 0; i < a.length; i++) {
            Class<?> p = params[i];
            if (!p.isPrimitive()) {
                if (a[i] != null && !p.isInstance(a[i])) {
                    throw new IllegalArgumentException("argument type mismatch");
                }
                continue;
            }
            Class<?> from = a[i] == null ? null : PRIMITIVE.get(a[i].getClass());
            if (from == null || !widens(from, p)) {
                throw new IllegalArgumentException("argument type mismatch");
            }
            a[i] = widen(a[i], p);
        }
        return a;
    }

    private static boolean widens(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        if (from == boolean.class || to == boolean.class || to == char.class || !RANK.containsKey(from)) {
            return false;
        }
        if (from == char.class) {
            return RANK.get(to) >= 3;
        }
        return RANK.get(to) > RANK.get(from) && !(to == short.class && from == char.class);
    }

    private static Object widen(Object v, Class<?> to) {
        if (to == boolean.class || PRIMITIVE.get(v.getClass()) == to) {
            return v;
        }
        long integral = v instanceof Character c ? c : v instanceof Number n && !(v instanceof Float || v instanceof Double)
                ? n.longValue() : 0;
        return switch (to.getName()) {
            case "short" -> (short) integral;
            case "int" -> (int) integral;
            case "long" -> integral;
            case "float" -> v instanceof Float f ? f : (float) integral;
            default -> v instanceof Number n && (v instanceof Float || v instanceof Double) ? n.doubleValue() : (double) integral;
        };
    }
}
