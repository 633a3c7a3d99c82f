package sandbox.core.weaving;

import org.objectweb.asm.ClassVisitor;

/**
 * One step of the weaving pipeline. {@link WeavingPipeline} chains the steps between the class reader and the
 * class writer; each step sees the class as the steps before it left it. The sandbox's guard is one step; runaway
 * containment (polls at loop back-edges and method entries, catch handlers that cannot swallow termination) is
 * another.
 *
 * <p>A step reports a class it must refuse by throwing; the pipeline turns any throwable into a
 * {@code WeavingException}, so the class fails to load and the hook is never blacklisted.
 */
public interface ClassTransform {

    /**
     * @param next the visitor the woven class goes to
     * @param ctx what is known of the class and its plugin
     * @return a visitor that transforms the class and passes it on to {@code next}
     */
    ClassVisitor wrap(ClassVisitor next, WeaveContext ctx);

    /** @return true when the step adds branches, so stack map frames must be recomputed (slower) */
    default boolean needsFrames() {
        return false;
    }
}
