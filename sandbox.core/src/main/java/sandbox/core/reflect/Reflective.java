package sandbox.core.reflect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/**
 * {@code Method.invoke}, {@code Constructor.newInstance}, {@code Class.newInstance} for woven code (B1): the target
 * is checked as if it were called directly (reflection rules, then its rows of the sensitive-API table on the
 * actual arguments), then it runs through a method handle unreflected by the plugin's own Lookup. So access is
 * checked as the plugin, and a caller-sensitive target ({@code Class.forName}, {@code MethodHandles.lookup}) sees
 * the plugin, never the guard (B11 in reverse).
 */
public final class Reflective {
    private Reflective() {
    }

    public static Object invoke(Method m, Object recv, Object[] args, Lookup caller, Object handle)
            throws IllegalAccessException, InvocationTargetException {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Class<?> decl = m.getDeclaringClass();
        String op = "java.lang.reflect.Method.invoke " + decl.getName() + "." + m.getName();
        Access.member(h, c, decl, false, op);
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        Object[] a = Args.coerce(m.getParameterTypes(), args);
        if (!isStatic) {
            if (recv == null) {
                throw new NullPointerException("Method.invoke on " + m.getName() + " with a null receiver");
            }
            if (!decl.isInstance(recv)) {
                throw new IllegalArgumentException("object is not an instance of declaring class");
            }
        }
        Object[] all = prepend(isStatic, recv, a);
        String desc = MemberRows.descriptor(m.getReturnType(), m.getParameterTypes());
        int meta = MetaApiTable.match(decl, m.getName(), desc, isStatic);
        if (meta >= 0) {
            MetaApi row = MetaApiTable.row(meta);
            if (row.shape() != MetaApi.Shape.CHECK) {
                return run(GuardedHandles.redirect(row, meta, null, caller, h), all);
            }
            ReceiverChecks.check(all[row.arg() < 0 ? 0 : row.arg() + (isStatic ? 0 : 1)], c, h, meta);
        }
        int[] rows = MemberRows.method(decl, m.getName(), desc, isStatic);
        ArgumentChecks.apply(h, rows, all, !isStatic);
        Object result = run(caller.unreflect(m).asFixedArity(), all);
        return ArgumentChecks.result(h, rows, result, isStatic ? null : all[0]);
    }

    public static Object newInstance(Constructor<?> ctor, Object[] args, Lookup caller, Object handle)
            throws InstantiationException, IllegalAccessException, InvocationTargetException {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Class<?> decl = ctor.getDeclaringClass();
        Access.member(h, c, decl, false, "java.lang.reflect.Constructor.newInstance " + decl.getName());
        if (Modifier.isAbstract(decl.getModifiers())) {
            throw new InstantiationException(decl.getName());
        }
        Object[] all = Args.coerce(ctor.getParameterTypes(), args);
        int meta = MetaApiTable.match(decl, "<init>", MemberRows.descriptor(void.class, ctor.getParameterTypes()), false);
        if (meta >= 0) {
            int at = MetaApiTable.row(meta).arg();
            ReceiverChecks.check(at == MetaApi.IMPLICIT ? null : all[at], c, h, meta);
        }
        int[] rows = MemberRows.constructor(decl, ctor.getParameterTypes());
        ArgumentChecks.apply(h, rows, all, false);
        return ArgumentChecks.result(h, rows, run(caller.unreflectConstructor(ctor).asFixedArity(), all), null);
    }

    public static Object classNewInstance(Class<?> type, Lookup caller, Object handle)
            throws InstantiationException, IllegalAccessException {
        PolicyHandle h = Callers.handle(handle);
        Access.member(h, Callers.verify(caller, h), type, false, "java.lang.Class.newInstance " + type.getName());
        Constructor<?> ctor;
        try {
            ctor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw (InstantiationException) new InstantiationException(type.getName()).initCause(e);
        }
        try {
            return newInstance(ctor, null, caller, handle);
        } catch (InvocationTargetException e) {
            throw Sneaky.<RuntimeException>rethrow(e.getCause());   // Class.newInstance throws the constructor's own
        }
    }

    /** {@code InvocationHandler.invokeDefault} and friends: a sensitive or reflective default body is refused. */
    static void defaultMethod(PolicyHandle h, Method m) {
        String desc = MemberRows.descriptor(m.getReturnType(), m.getParameterTypes());
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        if (MemberRows.method(m.getDeclaringClass(), m.getName(), desc, isStatic).length > 0
                || MetaApiTable.match(m.getDeclaringClass(), m.getName(), desc, isStatic) >= 0) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access",
                    m.getDeclaringClass().getName() + "." + m.getName(), "java.lang.reflect.InvocationHandler.invokeDefault");
        }
    }

    static Object[] prepend(boolean isStatic, Object recv, Object[] a) {
        if (isStatic) {
            return a;
        }
        Object[] all = new Object[a.length + 1];
        all[0] = recv;
        System.arraycopy(a, 0, all, 1, a.length);
        return all;
    }

    private static Object run(MethodHandle mh, Object[] all) throws InvocationTargetException {
        try {
            return mh.invokeWithArguments(all);
        } catch (Throwable t) {
            throw new InvocationTargetException(t);
        }
    }
}
