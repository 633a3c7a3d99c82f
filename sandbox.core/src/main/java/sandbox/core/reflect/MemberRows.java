package sandbox.core.reflect;

import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sandbox.core.weaving.SensitiveApiTable;

/**
 * The rows of the sensitive-API table a reflective target reaches, found the way the weaver finds them for a
 * call: methods by their declaring class and every supertype (an override of {@code Executor.execute} is still
 * {@code Executor.execute}), constructors by their exact class (H3), static methods by the declaring class.
 */
final class MemberRows {
    private static final int[] NONE = new int[0];

    private MemberRows() {
    }

    static String descriptor(Class<?> returned, Class<?>[] params) {
        return MethodType.methodType(returned, params).toMethodDescriptorString();
    }

    static int[] method(Class<?> declaring, String name, String desc, boolean isStatic) {
        SensitiveApiTable table = SensitiveApiTable.INSTANCE;
        if (!table.mayMatch(name)) {
            return NONE;
        }
        Set<Integer> ids = new LinkedHashSet<>();
        if (isStatic) {
            ids.addAll(table.match(MetaApiTable.internal(declaring), name, desc));
        } else {
            Deque<Class<?>> todo = new ArrayDeque<>(List.of(declaring));
            Set<Class<?>> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                Class<?> c = todo.pop();
                if (seen.add(c)) {
                    ids.addAll(table.match(MetaApiTable.internal(c), name, desc));
                    if (c.getSuperclass() != null) {
                        todo.add(c.getSuperclass());
                    }
                    todo.addAll(List.of(c.getInterfaces()));
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] constructor(Class<?> declaring, Class<?>[] params) {
        SensitiveApiTable table = SensitiveApiTable.INSTANCE;
        if (!table.mayMatch("<init>")) {
            return NONE;
        }
        String desc = descriptor(void.class, params);
        return table.match(MetaApiTable.internal(declaring), "<init>", desc).stream().mapToInt(Integer::intValue).toArray();
    }
}
