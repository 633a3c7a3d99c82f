package reflrefused;

import java.util.function.Function;

/** C4: a plugin loader whose inherited defineClass is called from a lambda body (a synthetic method of the class). */
public final class LoaderLambda extends ClassLoader {
    public Function<byte[], Class<?>> definer() {
        return b -> defineClass(null, b, 0, b.length);
    }
}
