package sandbox.core.sink;

import java.io.IOException;
import java.io.InputStream;

/** Defines its own copy of {@link SinkSample} (child first), so its frames belong to this loader. */
final class PluginLoader extends ClassLoader {
    private static final String SAMPLE = SinkSample.class.getName();

    PluginLoader() {
        super(PluginLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(SAMPLE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] b = in.readAllBytes();
                    c = defineClass(name, b, 0, b.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return c;
        }
    }

    /** Runs SinkSample.reach in this loader's copy; rethrows what it threw. */
    void reach(int sink, Object a, Object b) throws Throwable {
        try {
            loadClass(SAMPLE).getMethod("reach", int.class, Object.class, Object.class).invoke(null, sink, a, b);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
