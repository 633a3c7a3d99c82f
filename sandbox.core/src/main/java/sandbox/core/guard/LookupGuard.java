package sandbox.core.guard;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import sandbox.core.reflect.LookupAccess;

/**
 * What woven plugin code calls in place of the member-resolving methods of {@code MethodHandles.Lookup} and the
 * JDK's handle adapters (escape catalogue B3, B5, B11, H6): whichever Lookup the plugin holds, the real lookup runs
 * and its result is checked, wrapped or refused by the private {@code sandbox.core.reflect}. Stateless (H10).
 */
public final class LookupGuard {
    private LookupGuard() {
    }

    public static MethodHandle findStatic(Lookup l, Class<?> refc, String name, MethodType type, Lookup caller,
                                          Object handle) throws NoSuchMethodException, IllegalAccessException {
        return LookupAccess.method(l, l.findStatic(refc, name, type), refc, name, true, caller, handle, "findStatic");
    }

    public static MethodHandle findVirtual(Lookup l, Class<?> refc, String name, MethodType type, Lookup caller,
                                           Object handle) throws NoSuchMethodException, IllegalAccessException {
        return LookupAccess.method(l, l.findVirtual(refc, name, type), refc, name, false, caller, handle, "findVirtual");
    }

    public static MethodHandle findSpecial(Lookup l, Class<?> refc, String name, MethodType type, Class<?> special,
                                           Lookup caller, Object handle) throws NoSuchMethodException, IllegalAccessException {
        return LookupAccess.method(l, l.findSpecial(refc, name, type, special), refc, name, false, caller, handle,
                "findSpecial");
    }

    public static MethodHandle findConstructor(Lookup l, Class<?> refc, MethodType type, Lookup caller, Object handle)
            throws NoSuchMethodException, IllegalAccessException {
        return LookupAccess.constructor(l.findConstructor(refc, type), refc, caller, handle, "findConstructor");
    }

    public static MethodHandle findGetter(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                          Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findGetter");
        return l.findGetter(refc, name, type);
    }

    public static MethodHandle findSetter(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                          Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findSetter");
        return l.findSetter(refc, name, type);
    }

    public static MethodHandle findStaticGetter(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                                Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findStaticGetter");
        return l.findStaticGetter(refc, name, type);
    }

    public static MethodHandle findStaticSetter(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                                Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findStaticSetter");
        return l.findStaticSetter(refc, name, type);
    }

    public static VarHandle findVarHandle(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                          Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findVarHandle");
        return l.findVarHandle(refc, name, type);
    }

    public static VarHandle findStaticVarHandle(Lookup l, Class<?> refc, String name, Class<?> type, Lookup caller,
                                                Object handle) throws NoSuchFieldException, IllegalAccessException {
        LookupAccess.field(refc, name, caller, handle, "findStaticVarHandle");
        return l.findStaticVarHandle(refc, name, type);
    }

    /** {@code bind}: the same as {@code findVirtual} on the receiver's class, then bound (no find* call in sight). */
    public static MethodHandle bind(Lookup l, Object recv, String name, MethodType type, Lookup caller, Object handle)
            throws NoSuchMethodException, IllegalAccessException {
        MethodHandle bound = l.bind(recv, name, type);
        MethodHandle plain = l.findVirtual(recv.getClass(), name, type);
        MethodHandle guarded = LookupAccess.method(l, plain, recv.getClass(), name, false, caller, handle, "bind");
        return guarded == plain ? bound : guarded.bindTo(recv);
    }

    public static MethodHandle unreflect(Lookup l, Method m, Lookup caller, Object handle) throws IllegalAccessException {
        return LookupAccess.method(l, l.unreflect(m), m.getDeclaringClass(), m.getName(),
                Modifier.isStatic(m.getModifiers()), caller, handle, "unreflect");
    }

    public static MethodHandle unreflectSpecial(Lookup l, Method m, Class<?> special, Lookup caller, Object handle)
            throws IllegalAccessException {
        return LookupAccess.method(l, l.unreflectSpecial(m, special), m.getDeclaringClass(), m.getName(), false,
                caller, handle, "unreflectSpecial");
    }

    public static MethodHandle unreflectConstructor(Lookup l, Constructor<?> c, Lookup caller, Object handle)
            throws IllegalAccessException {
        return LookupAccess.constructor(l.unreflectConstructor(c), c.getDeclaringClass(), caller, handle,
                "unreflectConstructor");
    }

    public static MethodHandle unreflectGetter(Lookup l, Field f, Lookup caller, Object handle) throws IllegalAccessException {
        LookupAccess.field(f.getDeclaringClass(), f.getName(), caller, handle, "unreflectGetter");
        return l.unreflectGetter(f);
    }

    public static MethodHandle unreflectSetter(Lookup l, Field f, Lookup caller, Object handle) throws IllegalAccessException {
        LookupAccess.field(f.getDeclaringClass(), f.getName(), caller, handle, "unreflectSetter");
        return l.unreflectSetter(f);
    }

    public static VarHandle unreflectVarHandle(Lookup l, Field f, Lookup caller, Object handle) throws IllegalAccessException {
        LookupAccess.field(f.getDeclaringClass(), f.getName(), caller, handle, "unreflectVarHandle");
        return l.unreflectVarHandle(f);
    }

    /** {@code Lookup.in}: moving to another bundle's class is deep reflection. */
    public static Lookup in(Lookup l, Class<?> target, Lookup caller, Object handle) {
        LookupAccess.deep(target, caller, handle, "java.lang.invoke.MethodHandles$Lookup.in");
        return l.in(target);
    }

    /** {@code privateLookupIn}: only into the plugin's own classes unless REFLECTION is granted (B2, B11, C3). */
    public static Lookup privateLookupIn(Class<?> target, Lookup l, Lookup caller, Object handle)
            throws IllegalAccessException {
        LookupAccess.deep(target, caller, handle, "java.lang.invoke.MethodHandles.privateLookupIn");
        return MethodHandles.privateLookupIn(target, l);
    }

    public static CallSite metafactory(Lookup l, String name, MethodType invoked, MethodType sam, MethodHandle impl,
                                       MethodType instantiated, Lookup caller, Object handle) throws LambdaConversionException {
        LookupAccess.adapted(l, impl, caller, handle, "java.lang.invoke.LambdaMetafactory.metafactory");
        return LambdaMetafactory.metafactory(l, name, invoked, sam, impl, instantiated);
    }

    public static CallSite altMetafactory(Lookup l, String name, MethodType invoked, Object[] args, Lookup caller,
                                          Object handle) throws LambdaConversionException {
        Object[] copy = args.clone();
        if (copy.length > 1 && copy[1] instanceof MethodHandle impl) {
            LookupAccess.adapted(l, impl, caller, handle, "java.lang.invoke.LambdaMetafactory.altMetafactory");
        }
        return LambdaMetafactory.altMetafactory(l, name, invoked, copy);
    }

    public static Object asInterfaceInstance(Class<?> intf, MethodHandle target, Lookup caller, Object handle) {
        LookupAccess.adapted(caller, target, caller, handle, "java.lang.invoke.MethodHandleProxies.asInterfaceInstance");
        return MethodHandleProxies.asInterfaceInstance(intf, target);
    }
}
