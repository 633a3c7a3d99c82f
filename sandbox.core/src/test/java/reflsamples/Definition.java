package reflsamples;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BiFunction;

/** Code defined at run time (catalogue C1, C2, C4). */
public final class Definition {
    private Definition() {
    }

    static byte[] payload() throws Exception {
        try (InputStream in = Definition.class.getResourceAsStream("Payload.class")) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object run(Object payload, String name, String value) {
        return ((BiFunction<String, String, Object>) payload).apply(name, value);
    }

    /** C1: Lookup.defineClass in the plugin's own package. */
    public static Object lookupDefine(String name, String value) throws Exception {
        Class<?> c = MethodHandles.lookup().defineClass(payload());
        return run(c.getDeclaredConstructor().newInstance(), name, value);
    }

    /** C2: a hidden class. */
    public static Object hiddenDefine(String name, String value) throws Throwable {
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(payload(), true);
        Object o = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        return run(o, name, value);
    }

    /** C4: the plugin's own class loader, its super() call and its inherited defineClass. */
    public static Object loaderDefine(String name, String value) throws Exception {
        Class<?> c = new OwnLoader(Definition.class.getClassLoader()).define(payload());
        return run(c.getDeclaredConstructor().newInstance(), name, value);
    }

    /** C4, E10: a loader whose parent is the system class loader sees the whole host class path. */
    public static Object systemParent() throws Exception {
        try (java.net.URLClassLoader l = new java.net.URLClassLoader(new java.net.URL[0], ClassLoader.getSystemClassLoader())) {
            return l.getParent() != null;
        }
    }

    /** The no-argument constructor means the same parent, implicitly. */
    public static Object implicitParent() {
        return new ClassLoader() { }.getParent() != null;
    }

    /** A loader over the plugin's own class space. */
    public static Object ownParent() throws Exception {
        try (java.net.URLClassLoader l = java.net.URLClassLoader.newInstance(new java.net.URL[0],
                Definition.class.getClassLoader())) {
            return l.getParent() == Definition.class.getClassLoader();
        }
    }

    static final class OwnLoader extends ClassLoader {
        OwnLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }
    }
}
