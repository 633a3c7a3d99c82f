package reflsamples;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.BinaryOperator;

/** Method handles as a plugin uses them (catalogue B3, B5, B11, H6). */
public final class Handles {
    private static final MethodType SET = MethodType.methodType(String.class, String.class, String.class);

    private Handles() {
    }

    /** B3: the call shows only as invokeExact. */
    public static Object findStatic(String name, String value) throws Throwable {
        MethodHandle mh = MethodHandles.lookup().findStatic(System.class, "setProperty", SET);
        return (String) mh.invokeExact(name, value);
    }

    /** B3: through a Method and unreflect, with publicLookup. */
    public static Object unreflect(String name, String value) throws Throwable {
        Method m = System.class.getMethod("setProperty", String.class, String.class);
        return MethodHandles.publicLookup().unreflect(m).invoke(name, value);
    }

    /** B3: a handle to Method.invoke itself. */
    public static Object handleToInvoke(String name, String value) throws Throwable {
        MethodHandle invoke = MethodHandles.lookup().findVirtual(Method.class, "invoke",
                MethodType.methodType(Object.class, Object.class, Object[].class));
        return invoke.invoke(System.class.getMethod("setProperty", String.class, String.class), null,
                new Object[] {name, value});
    }

    /** B2, B11: a private lookup in another bundle's class, then its private field through a VarHandle. */
    public static Object privateLookupIn(Class<?> host) throws Throwable {
        MethodHandles.Lookup l = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        l.findStaticVarHandle(host, "enforcing", boolean.class).set(false);
        return host.getMethod("enforcing").invoke(null);
    }

    /** B5: a guarded handle behind an interface adapter stays guarded. */
    @SuppressWarnings("unchecked")
    public static Object proxyAdapter(String name, String value) throws Throwable {
        MethodHandle mh = MethodHandles.lookup().findStatic(System.class, "setProperty", SET);
        BinaryOperator<String> op = MethodHandleProxies.asInterfaceInstance(BinaryOperator.class, mh);
        return op.apply(name, value);
    }

    /** H6: a bootstrap method's Lookup comes from the JVM; its find* calls are the plugin's woven code. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type) throws Exception {
        return new ConstantCallSite(caller.findStatic(System.class, "setProperty", SET));
    }

    public static Object viaBootstrap(String name, String value) throws Throwable {
        return bootstrap(MethodHandles.lookup(), "set", SET).dynamicInvoker().invoke(name, value);
    }

    /** A handle to a harmless JDK method is the JDK's own, unwrapped: nothing to check costs nothing. */
    public static boolean harmlessIsDirect() throws Throwable {
        MethodHandle mh = MethodHandles.lookup().findVirtual(String.class, "length", MethodType.methodType(int.class));
        return MethodHandles.lookup().revealDirect(mh) != null && (int) mh.invokeExact("four") == 4;
    }
}
