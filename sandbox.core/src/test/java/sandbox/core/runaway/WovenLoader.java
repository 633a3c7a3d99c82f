package sandbox.core.runaway;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/** Defines the test samples woven by {@link RunawayTransform}; everything else comes from the parent. */
public final class WovenLoader extends ClassLoader {
    public static final String SAMPLES = "sandbox.core.runaway.samples.";
    private final String pluginId;

    public WovenLoader(String pluginId) {
        super(WovenLoader.class.getClassLoader());
        this.pluginId = pluginId;
    }

    static byte[] weave(byte[] original, String pluginId) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new RunawayTransform().wrap(writer, pluginId), 0);
        return writer.toByteArray();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(SAMPLES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] woven = weave(bytes(name), pluginId);
                c = defineClass(name, woven, 0, woven.length);
            }
            return c;
        }
    }

    static byte[] bytes(String className) throws ClassNotFoundException {
        try (InputStream in = WovenLoader.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(className);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(className, e);
        }
    }
}
