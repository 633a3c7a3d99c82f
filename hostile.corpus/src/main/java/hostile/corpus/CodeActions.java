package hostile.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import java.util.TimeZone;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.transform.TransformerFactory;

/**
 * C1-C12 and D: code defined or loaded at run time, and JDK deputies that reflect or deserialise for the caller.
 * Defined code is {@link DefinedPayload}'s bytes: never loaded by the bundle itself, so each definition is the first.
 */
final class CodeActions {
    private CodeActions() {
    }

    static byte[] payload() throws Exception {
        try (InputStream in = CodeActions.class.getResourceAsStream("DefinedPayload.class")) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    static String run(Object payload) {
        return ((Supplier<String>) payload).get();
    }

    static final class OwnLoader extends ClassLoader {
        OwnLoader() {
            super(CodeActions.class.getClassLoader());
        }

        Class<?> define(byte[] b) {
            return defineClass(null, b, 0, b.length);
        }
    }

    static void register(Map<String, Action> m) {
        m.put("C1.lookupDefineClass", in -> {
            Class<?> c = MethodHandles.lookup().defineClass(payload());
            return run(c.getDeclaredConstructor().newInstance());
        });
        m.put("C2.hiddenClass", in -> {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(payload(), true);
            try {
                return run(hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke());
            } catch (Throwable t) {
                throw t instanceof Exception e ? e : new IllegalStateException(t);
            }
        });
        m.put("C4.ownClassLoader", in -> run(new OwnLoader().define(payload()).getDeclaredConstructor().newInstance()));
        m.put("C4.urlClassLoaderFactory", in -> {
            try (URLClassLoader l = URLClassLoader.newInstance(new URL[] {in.dir().toUri().toURL()},
                    CodeActions.class.getClassLoader())) {
                return String.valueOf(l.getURLs().length);
            }
        });
        // E10 through C4: a loader whose parent is the system class loader sees the host's whole class path
        m.put("C4.systemParentLoader", in -> {
            try (URLClassLoader l = new URLClassLoader(new URL[0], ClassLoader.getSystemClassLoader())) {
                return String.valueOf(l.getParent() != null);
            }
        });
        m.put("C5.moduleFinder", in -> String.valueOf(java.lang.module.ModuleFinder.of(in.dir()).findAll().size()));
        m.put("C6.toolProvider", in -> String.valueOf(java.util.spi.ToolProvider.findFirst("jar").isPresent()));
        m.put("C7.xsltSecureByDefault", in ->
                String.valueOf(TransformerFactory.newInstance().getFeature(XMLConstants.FEATURE_SECURE_PROCESSING)));
        m.put("C7.relaxXslt", in -> {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
            return "relaxed";
        });
        m.put("C8.deserializeJdkInternal", in -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(TimeZone.getTimeZone("UTC"));   // sun.util.calendar.ZoneInfo: not exported by java.base
            }
            try (ObjectInputStream oin = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass d) throws ClassNotFoundException {
                    return Class.forName(d.getName(), false, null);   // the boot loader: past the bundle's class space
                }
            }) {
                return oin.readObject().getClass().getName();
            }
        });
        m.put("C12.attachThroughSystemLoader", in -> Class.forName("com.sun.tools.attach.VirtualMachine", false,
                ClassLoader.getSystemClassLoader()).getName());
        m.put("D3.xmlDecoder", in -> {
            String xml = "<java><string>decoded</string></java>";
            try (java.beans.XMLDecoder d = new java.beans.XMLDecoder(new ByteArrayInputStream(xml.getBytes("UTF-8")))) {
                return String.valueOf(d.readObject());
            }
        });
        m.put("D11.runtimeMXBean", in ->
                String.valueOf(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments() != null));
        m.put("X.serviceLoaderForeignLoader", in ->
                String.valueOf(ServiceLoader.load(Runnable.class, ClassLoader.getSystemClassLoader()).findFirst().isPresent()));
        m.put("X.resourceBundleForeignLoader", in -> {
            try {
                return ResourceBundle.getBundle("hostile.none", Locale.ROOT, ClassLoader.getSystemClassLoader()).toString();
            } catch (MissingResourceException allowedButAbsent) {
                return "allowed, no such bundle";
            }
        });
        m.put("X.marshalledObject", in -> String.valueOf(new java.rmi.MarshalledObject<>("marshalled").get()));
    }
}
