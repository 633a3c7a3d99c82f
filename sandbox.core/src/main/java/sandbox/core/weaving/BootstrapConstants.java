package sandbox.core.weaving;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;

/**
 * Walks the constants an {@code invokedynamic} or a dynamic constant carries (bootstrap arguments, nested dynamic
 * constants) and replaces every method handle among them. Shared by the weaving steps that redirect handles: the
 * guard step ({@link HandleRewriter}) and the reflection step, which differ only in how one handle is replaced and
 * in whether a dynamic constant's bootstrap method is vetted first.
 */
public final class BootstrapConstants {
    private BootstrapConstants() {
    }

    /**
     * @param c a dynamic constant
     * @param handles replaces one method handle
     * @param vetBootstrap sees every dynamic constant's bootstrap method before it is rewritten (may throw)
     * @return the constant with its bootstrap method and arguments rewritten, nested constants included
     */
    public static ConstantDynamic rewrite(ConstantDynamic c, UnaryOperator<Handle> handles, Consumer<Handle> vetBootstrap) {
        vetBootstrap.accept(c.getBootstrapMethod());
        Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = c.getBootstrapMethodArgument(i);
        }
        return new ConstantDynamic(c.getName(), c.getDescriptor(), handles.apply(c.getBootstrapMethod()),
                rewriteAll(args, handles, vetBootstrap));
    }

    /** @return a copy of {@code args} with every handle and dynamic constant rewritten as {@link #rewrite} does */
    public static Object[] rewriteAll(Object[] args, UnaryOperator<Handle> handles, Consumer<Handle> vetBootstrap) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Handle h) {
                out[i] = handles.apply(h);
            } else if (out[i] instanceof ConstantDynamic c) {
                out[i] = rewrite(c, handles, vetBootstrap);
            }
        }
        return out;
    }
}
