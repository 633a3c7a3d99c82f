package hostile.samples;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin class with a static initialiser of its own, as a bundle's first loaded class (its activator) often has:
 * the weaver puts its guard binding and runaway signal before this code, and inserts reflection guards, metering
 * and polls into the methods below.
 */
public final class StaticInitOps {
    private static final Object PROBE = new Object();

    private StaticInitOps() {
    }

    static boolean probed() {
        return PROBE != null;
    }

    /** A read whose stream the guard checks and meters. */
    static String read(String path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return new String(in.readAllBytes());
        }
    }

    /** Reflection the reflection step replaces by its guard. */
    static Object reflect() throws ReflectiveOperationException {
        Method m = String.class.getMethod("length");
        return m.invoke("four");
    }

    /** A loop the runaway step polls in. */
    static int count(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }
}
