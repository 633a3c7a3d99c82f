package sandbox.core.reflect;

import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import sandbox.core.policy.PolicyHandle;

/**
 * The checks behind {@code sandbox.core.guard.ReflectGuard} that are not calls: {@code setAccessible} (B2), classes
 * reached through a loader other than the plugin's own (E10), CHECK rows, deserialisation filters (C8).
 */
public final class ReflectionChecks {
    private ReflectionChecks() {
    }

    public static void setAccessible(AccessibleObject target, boolean flag, Lookup caller, Object handle) {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        if (!flag || target == null) {
            return;   // taking access away is always allowed; null fails in the JDK as it would
        }
        Class<?> decl = target instanceof Member m ? m.getDeclaringClass() : target.getClass();
        Access.member(h, c, decl, true, "java.lang.reflect.AccessibleObject.setAccessible " + describe(target));
    }

    public static Class<?> forName(String name, boolean init, ClassLoader loader, Lookup caller, Object handle)
            throws ClassNotFoundException {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Class<?> k = Class.forName(name, false, loader);
        if (!ClassSpace.ownLoader(h, loader, c)) {
            Access.loaded(h, c, k, "java.lang.Class.forName with " + ClassSpace.describe(loader));
        } else if (ClassSpace.internal(k)) {
            Access.denyAlways(h, k.getName(), "java.lang.Class.forName");
        }
        return init ? Class.forName(name, true, loader) : k;
    }

    public static Class<?> loadClass(ClassLoader loader, String name, Lookup caller, Object handle)
            throws ClassNotFoundException {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Class<?> k = loader.loadClass(name);
        if (!ClassSpace.ownLoader(h, loader, c) || ClassSpace.internal(k)) {
            Access.loaded(h, c, k, "java.lang.ClassLoader.loadClass on " + ClassSpace.describe(loader));
        }
        return k;
    }

    public static Class<?> loaded(Class<?> k, Lookup caller, Object handle, String op) {
        PolicyHandle h = Callers.handle(handle);
        Access.loaded(h, Callers.verify(caller, h), k, op);
        return k;
    }

    public static void setObjectInputFilter(ObjectInputStream in, ObjectInputFilter filter, Lookup caller, Object handle) {
        PolicyHandle h = Callers.handle(handle);
        Callers.verify(caller, h);
        Deserialization.install(in, h, filter == null ? info -> ObjectInputFilter.Status.UNDECIDED : filter);
    }

    public static void check(Object value, Lookup caller, Object handle, int row) {
        PolicyHandle h = Callers.handle(handle);
        if (row < 0 || row >= MetaApiTable.rows().size() || MetaApiTable.row(row).shape() != MetaApi.Shape.CHECK) {
            throw new SecurityException("Sandbox: no reflective check " + row + "; denied");
        }
        ReceiverChecks.check(value, Callers.verify(caller, h), h, row);
    }

    private static String describe(AccessibleObject target) {
        return target instanceof Member m ? m.getDeclaringClass().getName() + "." + m.getName() : target.toString();
    }
}
