package sandbox.core.guard;

import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import sandbox.core.reflect.ReflectionChecks;
import sandbox.core.reflect.Reflective;

/**
 * What woven plugin code calls in place of core reflection (escape catalogue B1, B2, E10 routes, C8). Each method
 * takes the original call's receiver and arguments, then the calling class's own full-privilege {@code Lookup} and
 * its policy handle (both put there by the weaver and checked against each other). The rules live in the private
 * {@code sandbox.core.reflect}; this class only forwards, and holds no state (H10).
 */
public final class ReflectGuard {
    private ReflectGuard() {
    }

    /** {@code Method.invoke}: the target is checked as if called directly, then runs as the plugin. */
    public static Object invoke(Method m, Object recv, Object[] args, Lookup caller, Object handle)
            throws IllegalAccessException, InvocationTargetException {
        return Reflective.invoke(m, recv, args, caller, handle);
    }

    /** {@code Constructor.newInstance}. */
    public static Object newInstance(Constructor<?> c, Object[] args, Lookup caller, Object handle)
            throws InstantiationException, IllegalAccessException, InvocationTargetException {
        return Reflective.newInstance(c, args, caller, handle);
    }

    /** {@code Class.newInstance}. */
    public static Object classNewInstance(Class<?> type, Lookup caller, Object handle)
            throws InstantiationException, IllegalAccessException {
        return Reflective.classNewInstance(type, caller, handle);
    }

    /** {@code AccessibleObject.setAccessible(boolean)}: on anything but the plugin's own members needs REFLECTION (B2). */
    public static void setAccessible(AccessibleObject target, boolean flag, Lookup caller, Object handle) {
        ReflectionChecks.setAccessible(target, flag, caller, handle);
        target.setAccessible(flag);
    }

    /** {@code AccessibleObject.trySetAccessible()}: a denial throws, as a plain check would. */
    public static boolean trySetAccessible(AccessibleObject target, Lookup caller, Object handle) {
        ReflectionChecks.setAccessible(target, true, caller, handle);
        return target.trySetAccessible();
    }

    /** {@code AccessibleObject.setAccessible(AccessibleObject[], boolean)}. */
    public static void setAccessibleAll(AccessibleObject[] targets, boolean flag, Lookup caller, Object handle) {
        AccessibleObject[] copy = targets.clone();
        for (AccessibleObject t : copy) {
            ReflectionChecks.setAccessible(t, flag, caller, handle);
        }
        AccessibleObject.setAccessible(copy, flag);
    }

    /** {@code Class.forName(name, init, loader)}: a foreign loader gives only what the plugin's own space gives. */
    public static Class<?> forName(String name, boolean init, ClassLoader loader, Lookup caller, Object handle)
            throws ClassNotFoundException {
        return ReflectionChecks.forName(name, init, loader, caller, handle);
    }

    /** {@code Class.forName(module, name)}. */
    public static Class<?> forNameInModule(Module module, String name, Lookup caller, Object handle) {
        return ReflectionChecks.loaded(Class.forName(module, name), caller, handle, "java.lang.Class.forName");
    }

    /** {@code ClassLoader.loadClass(name)} on a loader whose {@code loadClass} is not the plugin's own override. */
    public static Class<?> loadClass(ClassLoader loader, String name, Lookup caller, Object handle)
            throws ClassNotFoundException {
        return ReflectionChecks.loadClass(loader, name, caller, handle);
    }

    /** {@code ObjectInputStream.setObjectInputFilter}: the plugin's filter is merged behind the sandbox's (C8). */
    public static void setObjectInputFilter(ObjectInputStream in, ObjectInputFilter filter, Lookup caller, Object handle) {
        ReflectionChecks.setObjectInputFilter(in, filter, caller, handle);
    }

    /** The check of a CHECK row: a value the original call (left in plugin code) is about to use. */
    public static void check(Object value, Lookup caller, Object handle, int row) {
        ReflectionChecks.check(value, caller, handle, row);
    }
}
