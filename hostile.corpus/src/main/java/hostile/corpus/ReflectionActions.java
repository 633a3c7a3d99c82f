package hostile.corpus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * B1-B11: reflection and method handles. Each action makes one reflective call whose target is sensitive (a
 * property write, a file, another bundle's private state, the Sandbox itself, sun.misc) and says what it got.
 */
final class ReflectionActions {
    static final String PROP = "sandbox.corpus.reflect";
    private static final MethodType SET = MethodType.methodType(String.class, String.class, String.class);

    private ReflectionActions() {
    }

    interface Invoker {
        Object call(Method m, Object target, Object[] args) throws Exception;
    }

    static Method setProperty() throws NoSuchMethodException {
        return System.class.getMethod("setProperty", String.class, String.class);
    }

    static void register(Map<String, Action> m) {
        m.put("B1.methodInvoke", in -> {
            Class<?> system = Class.forName(new StringBuilder("metsyS.gnal.avaj").reverse().toString());
            system.getMethod("setProperty", String.class, String.class).invoke(null, PROP, "B1");
            return "set";
        });
        m.put("B1.constructorNewInstance", in -> {
            ((java.io.Closeable) Class.forName("java.io.FileOutputStream").getConstructor(String.class)
                    .newInstance(in.dir().resolve("b1.txt").toString())).close();
            return "created";
        });
        m.put("B2.setAccessibleOtherBundle", in -> {
            Field f = sandbox.api.PermissionGrant.class.getDeclaredField("target");
            f.setAccessible(true);
            return String.valueOf(f.get(sandbox.api.PermissionGrant.of(sandbox.api.PermissionKind.FILE, "x")));
        });
        m.put("B2.sandboxInternals", in -> String.valueOf(in.ctx().getClass().getDeclaredFields().length));
        m.put("B3.findStatic", in -> {
            MethodHandle mh = MethodHandles.lookup().findStatic(System.class, "setProperty", SET);
            try {
                return "was " + (String) mh.invokeExact(PROP, "B3");
            } catch (Throwable t) {
                throw t instanceof Exception e ? e : new IllegalStateException(t);
            }
        });
        m.put("B4.methodReferenceToInvoke", in -> {
            Invoker invoker = Method::invoke;
            invoker.call(setProperty(), null, new Object[] {PROP, "B4"});
            return "set";
        });
        m.put("B5.interfaceAdapter", in -> {
            MethodHandle mh = MethodHandles.lookup().findStatic(System.class, "setProperty", SET);
            @SuppressWarnings("unchecked")
            BinaryOperator<String> op = MethodHandleProxies.asInterfaceInstance(BinaryOperator.class, mh);
            op.apply(PROP, "B5");
            return "set";
        });
        m.put("B6.beansStatement", in -> {
            new java.beans.Statement(System.class, "setProperty", new Object[] {PROP, "B6"}).execute();
            return "set";
        });
        m.put("B7.dynalinkThroughSystemLoader", in -> Class.forName("jdk.dynalink.DynamicLinkerFactory", false,
                ClassLoader.getSystemClassLoader()).getName());
        // the platform MBean server itself is javax.management: out of this bundle's class space (resolver hook)
        m.put("B8.managementFactory", in ->
                String.valueOf(java.lang.management.ManagementFactory.getMemoryMXBean().getObjectPendingFinalizationCount()));
        m.put("B9.theUnsafe", in -> {
            Field f = Class.forName("sun.misc.Unsafe", false, ClassLoader.getSystemClassLoader()).getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return String.valueOf(f.get(null));
        });
        m.put("B10.reflectionFactory", in -> Class.forName("sun.reflect.ReflectionFactory", false, null).getName());
        m.put("B11.privateLookupInSandbox", in ->
                MethodHandles.privateLookupIn(in.ctx().getClass(), MethodHandles.lookup()).lookupClass().getName());
    }
}
