package sandbox.benchmarks.runaway;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import sandbox.core.runaway.RunawayTransform;

/**
 * Defines the classes of {@code sandbox.benchmarks.runaway.plugin} itself (child first), woven by
 * {@link RunawayTransform} or as compiled, so both copies run in the same JVM under the same conditions.
 */
public final class WeavingLoader extends ClassLoader {
    static final String PLUGIN_PACKAGE = "sandbox.benchmarks.runaway.plugin.";
    private final String pluginId;

    /** @param pluginId the plugin whose signal woven code polls; {@code null} defines the classes unwoven */
    public WeavingLoader(String pluginId) {
        super(WeavingLoader.class.getClassLoader());
        this.pluginId = pluginId;
    }

    /** @return a new instance of the named plugin class, as loaded by this loader */
    public Object instance(String simpleName) throws ReflectiveOperationException {
        return loadClass(PLUGIN_PACKAGE + simpleName).getDeclaredConstructor().newInstance();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PLUGIN_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = bytes(name);
                if (pluginId != null) {
                    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
                    new ClassReader(bytes).accept(new RunawayTransform().wrap(writer, pluginId), 0);
                    bytes = writer.toByteArray();
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            return c;
        }
    }

    private static byte[] bytes(String name) throws ClassNotFoundException {
        try (InputStream in = WeavingLoader.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
