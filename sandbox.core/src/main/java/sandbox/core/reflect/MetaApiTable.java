package sandbox.core.reflect;

import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;
import sandbox.core.weaving.ClassHierarchy;

/**
 * The meta-level members ({@link MetaApiRows}), matched like the sensitive-API table: at weave time by what a call
 * reaches in the JDK hierarchy (a plugin's {@code ClassLoader} subclass calling its inherited {@code defineClass},
 * H1-H4), at run time by a {@code Method}'s declaring class and its supertypes.
 */
public final class MetaApiTable {
    private static final List<MetaApi> ROWS = MetaApiRows.rows();
    private static final Set<String> NAMES = ROWS.stream().map(MetaApi::name).collect(Collectors.toUnmodifiableSet());
    /**
     * For a name (and static-ness) whose every row is on a final JDK class (Field, Method, Class, Lookup...): those
     * classes. A call naming any other owner cannot reach them, so no hierarchy is read for {@code Map.get}.
     */
    private static final Map<String, Set<String>> FINAL_OWNERS = finalOwners();

    private MetaApiTable() {
    }

    /** @return every row, in id order (a row's id is its index: woven CHECK calls carry it) */
    public static List<MetaApi> rows() {
        return ROWS;
    }

    static MetaApi row(int id) {
        return ROWS.get(id);
    }

    /** @return false when no row has a member of this name: no call of that name can match */
    static boolean mayMatch(String name) {
        return NAMES.contains(name);
    }

    /** @return the id of the row a call reaches, or -1 */
    static int match(int opcode, String owner, String name, String desc, ClassHierarchy hierarchy) {
        if (!NAMES.contains(name) || owner.startsWith("[")) {
            return -1;
        }
        if (name.equals("<init>")) {
            return find(owner, name, desc, false);   // constructors are not inherited: the exact class (H3)
        }
        boolean isStatic = opcode == Opcodes.INVOKESTATIC;
        Set<String> finalOwners = FINAL_OWNERS.get(key(name, isStatic));
        if (finalOwners != null && !finalOwners.contains(owner)) {
            return -1;
        }
        for (String jdkOwner : hierarchy.jdkOwners(owner, name, desc, isStatic)) {
            int id = find(jdkOwner, name, desc, isStatic);
            if (id >= 0) {
                return id;
            }
        }
        return -1;
    }

    /** @return the id of the row for a member declared by {@code declaring} or a supertype, or -1 */
    static int match(Class<?> declaring, String name, String desc, boolean isStatic) {
        if (!NAMES.contains(name)) {
            return -1;
        }
        if (isStatic || name.equals("<init>")) {
            return find(internal(declaring), name, desc, isStatic);
        }
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(declaring));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            int id = find(internal(c), name, desc, false);
            if (id >= 0) {
                return id;
            }
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return -1;
    }

    private static int find(String owner, String name, String desc, boolean isStatic) {
        for (int i = 0; i < ROWS.size(); i++) {
            MetaApi r = ROWS.get(i);
            if (r.owner().equals(owner) && r.name().equals(name) && r.isStatic() == isStatic && r.covers(desc)) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String name, boolean isStatic) {
        return (isStatic ? "static " : "") + name;
    }

    private static Map<String, Set<String>> finalOwners() {
        Map<String, Set<String>> owners = new HashMap<>();
        Set<String> notFinal = new HashSet<>();
        for (MetaApi r : ROWS) {
            String key = key(r.name(), r.isStatic());
            owners.computeIfAbsent(key, k -> new HashSet<>()).add(r.owner());
            if (!isFinal(r.owner())) {
                notFinal.add(key);
            }
        }
        notFinal.forEach(owners::remove);
        Map<String, Set<String>> result = new HashMap<>();
        owners.forEach((k, v) -> result.put(k, Set.copyOf(v)));
        return Map.copyOf(result);
    }

    private static boolean isFinal(String owner) {
        try {
            Class<?> c = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return Modifier.isFinal(c.getModifiers());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;   // not in this JDK: always resolved through the hierarchy
        }
    }

    static String internal(Class<?> c) {
        return c.getName().replace('.', '/');
    }
}
