package reflsamples;

import java.io.Closeable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.ServiceLoader;

/** Core reflection as a plugin uses it (catalogue B1, B2, B9, E10). Woven by the tests; names computed at run time. */
public final class Reflection {
    private static String secret = "own secret";

    private Reflection() {
    }

    private static String hidden() {
        return "own private method";
    }

    /** B1: the class name is data, the call is {@code Method.invoke}. */
    public static Object setPropertyReflectively(String name, String value) throws Exception {
        Class<?> system = Class.forName(new StringBuilder("metsyS.gnal.avaj").reverse().toString());
        Method m = system.getMethod("setProperty", String.class, String.class);
        return m.invoke(null, name, value);
    }

    /** B1: a file opened through {@code Constructor.newInstance}. */
    public static Object openFileReflectively(String path) throws Exception {
        Constructor<?> c = Class.forName("java.io.FileOutputStream").getConstructor(String.class);
        ((Closeable) c.newInstance(path)).close();
        return path;
    }

    /** The plugin's own private members stay usable: reflection on woven code reaches only guarded code. */
    public static String ownPrivate() throws Exception {
        Field f = Reflection.class.getDeclaredField("secret");
        f.setAccessible(true);
        return Reflection.class.getDeclaredMethod("hidden").invoke(null) + " / " + f.get(null);
    }

    /** A checked exception thrown by the target still arrives as InvocationTargetException. */
    public static Object targetThrows() throws Exception {
        return Integer.class.getMethod("parseInt", String.class).invoke(null, "not a number");
    }

    /** B2: flip another bundle's private static field. */
    public static Object flipHost(Class<?> host) throws Exception {
        Field f = host.getDeclaredField("enforcing");
        f.setAccessible(true);
        f.setBoolean(null, false);
        return f.getBoolean(null);
    }

    /** B2, H10: the Sandbox's own classes, reached through the system class loader with a computed name. */
    public static Object sandboxInternals() throws Exception {
        String name = new StringBuilder("yrtsigeReldnaH.ycilop.eroc.xobdnas").reverse().toString();
        return Class.forName(name, false, ClassLoader.getSystemClassLoader()).getDeclaredFields().length;
    }

    /** B2, H10: a Sandbox class handed over by someone else: its private members stay out of reach. */
    public static Object internalsOf(Class<?> sandboxClass) throws Exception {
        Field f = sandboxClass.getDeclaredFields()[0];
        f.setAccessible(true);
        return f.get(null);
    }

    /** B9: Unsafe through reflection only (the bytecode never names sun.misc). */
    public static Object theUnsafe() throws Exception {
        Class<?> unsafe = Class.forName("sun.misc.Unsafe", false, ClassLoader.getSystemClassLoader());
        Field f = unsafe.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return f.get(null);
    }

    /** H10: the class's own policy handle, read reflectively (the name is data: the bytecode never names it). */
    public static Object ownHandle() throws Exception {
        Field f = Reflection.class.getDeclaredField("$sandbox$" + "handle");
        f.setAccessible(true);
        return f.get(null);
    }

    /** B6 with REFLECTION granted: java.beans calling a public method of a Sandbox object by name. */
    public static Object beansOnSandboxObject(Object sandboxObject) throws Exception {
        new java.beans.Statement(sandboxObject, "toString", new Object[0]).execute();
        return "called";
    }

    /** STRICT: no reflection at all on classes that are not the plugin's. */
    public static Object publicJdkMethod() throws Exception {
        return String.class.getMethod("length").invoke("four");
    }

    /** E10: a class through a loader that is not the plugin's. */
    public static Object foreignForName(ClassLoader loader, String name) throws Exception {
        return Class.forName(name, false, loader).getName();
    }

    public static Object foreignLoadClass(ClassLoader loader, String name) throws Exception {
        return loader.loadClass(name).getName();
    }

    /** Beyond the catalogue: ServiceLoader instantiates provider classes through the loader it is given. */
    public static Object serviceLoader(ClassLoader loader) {
        return ServiceLoader.load(Runnable.class, loader).findFirst().isPresent();
    }

    /** ServiceLoader.load(type) instantiates through the thread's context class loader. */
    public static Object serviceLoaderWithContextLoader(ClassLoader contextLoader) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(contextLoader);
        try {
            return ServiceLoader.load(Runnable.class).findFirst().isPresent();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** Beyond the catalogue: ResourceBundle instantiates a bundle class through the loader it is given. */
    public static Object resourceBundle(ClassLoader loader) {
        return ResourceBundle.getBundle("reflhost.HostState$Messages", Locale.ROOT, loader).getString("greeting");
    }

    /** B4: a method reference to Method.invoke runs in a JDK-spun class. */
    public static Object methodReference(String name, String value) throws Exception {
        Invoker invoker = Method::invoke;
        return invoker.call(System.class.getMethod("setProperty", String.class, String.class), null,
                new Object[] {name, value});
    }

    interface Invoker {
        Object call(Method m, Object target, Object[] args) throws Exception;
    }
}
