package sandbox.core.guard;

import java.lang.invoke.MethodHandles.Lookup;
import javax.xml.transform.TransformerFactory;
import sandbox.core.reflect.Definitions;

/**
 * What woven plugin code calls where it defines code at run time (escape catalogue C1, C2, C4, C7): the class bytes
 * are woven through the same pipeline as the bundle's own classes before the JDK defines them, or refused. The
 * rules live in the private {@code sandbox.core.reflect}; this class only forwards, and holds no state (H10).
 */
public final class DefineGuard {
    private DefineGuard() {
    }

    /** {@code Lookup.defineClass}. */
    public static Class<?> defineClass(Lookup l, byte[] bytes, Lookup caller, Object handle) throws IllegalAccessException {
        return l.defineClass(Definitions.forLookup(l, bytes, caller, handle, "java.lang.invoke.MethodHandles$Lookup.defineClass"));
    }

    /** {@code Lookup.defineHiddenClass}. */
    public static Lookup defineHiddenClass(Lookup l, byte[] bytes, boolean init, Lookup.ClassOption[] options,
                                           Lookup caller, Object handle) throws IllegalAccessException {
        byte[] woven = Definitions.forLookup(l, bytes, caller, handle, "java.lang.invoke.MethodHandles$Lookup.defineHiddenClass");
        return l.defineHiddenClass(woven, init, options.clone());
    }

    /** {@code Lookup.defineHiddenClassWithClassData}. */
    public static Lookup defineHiddenClassWithClassData(Lookup l, byte[] bytes, Object data, boolean init,
                                                        Lookup.ClassOption[] options, Lookup caller, Object handle)
            throws IllegalAccessException {
        byte[] woven = Definitions.forLookup(l, bytes, caller, handle,
                "java.lang.invoke.MethodHandles$Lookup.defineHiddenClassWithClassData");
        return l.defineHiddenClassWithClassData(woven, data, init, options.clone());
    }

    /**
     * Before a plugin's class loader calls its inherited {@code defineClass}: the bytes it will define.
     *
     * @param name the class name argument, or {@code null}
     * @param bytes a {@code byte[]} or {@code ByteBuffer}
     * @return the woven class, of the same kind as {@code bytes}, to define from offset 0
     */
    public static Object loaderBytes(Object loader, String name, Object bytes, int off, int len, Lookup caller,
                                     Object handle) {
        return Definitions.forLoader(loader, bytes, off, len, caller, handle);
    }

    /** {@code TransformerFactory.newInstance()}: hardened (C7). */
    public static TransformerFactory transformerFactory(Lookup caller, Object handle) {
        Definitions.factoryLoader(null, caller, handle);
        return Definitions.harden(TransformerFactory.newInstance());
    }

    /** {@code TransformerFactory.newDefaultInstance()}: the JDK's own factory, hardened (C7). */
    public static TransformerFactory transformerFactoryDefault(Lookup caller, Object handle) {
        Definitions.factoryLoader(null, caller, handle);
        return Definitions.harden(TransformerFactory.newDefaultInstance());
    }

    /** {@code TransformerFactory.newInstance(name, loader)}: the loader must be the plugin's; hardened (C7). */
    public static TransformerFactory transformerFactoryNamed(String factory, ClassLoader loader, Lookup caller,
                                                             Object handle) {
        Definitions.factoryLoader(loader, caller, handle);
        return Definitions.harden(TransformerFactory.newInstance(factory, loader));
    }
}
