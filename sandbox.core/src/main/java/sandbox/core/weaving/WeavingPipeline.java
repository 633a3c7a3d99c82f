package sandbox.core.weaving;

import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Weaves one class: checks the original bytes, runs every {@link ClassTransform} between a reader and a writer, and
 * returns the new bytes. Fails closed: any error becomes a {@link WeaveFailure} naming the class and the cause; the
 * caller (the weaving hook) turns it into a {@code WeavingException}, so the class does not load and the hook is
 * not blacklisted (E4, H9). The original bytes are never returned.
 */
public final class WeavingPipeline {
    private final List<ClassTransform> steps;
    private final boolean frames;

    /** @param steps the transforms, nearest the reader first */
    public WeavingPipeline(List<ClassTransform> steps) {
        this.steps = List.copyOf(steps);
        this.frames = this.steps.stream().anyMatch(ClassTransform::needsFrames);
    }

    /**
     * @param original the class as the plugin ships it
     * @param ctx the class's context; steps add the packages the woven class must import
     * @return the woven class
     * @throws WeaveFailure for any problem at all
     */
    public byte[] weave(byte[] original, WeaveContext ctx) {
        try {
            ClassReader reader = OriginalClassCheck.read(ctx.className(), original);
            ctx.original(reader);
            ClassWriter writer = new HierarchyClassWriter(reader, frames, ctx.hierarchy());
            ClassVisitor chain = writer;
            for (int i = steps.size() - 1; i >= 0; i--) {
                chain = steps.get(i).wrap(chain, ctx);
            }
            reader.accept(chain, frames ? ClassReader.SKIP_FRAMES : 0);
            return writer.toByteArray();
        } catch (Throwable t) {   // StackOverflowError, OutOfMemoryError... must not let the class load unwoven either
            throw new WeaveFailure("cannot weave plugin class " + ctx.className() + " of " + ctx.pluginId() + ": "
                    + (t.getMessage() == null ? t.toString() : t.getMessage()), t);
        }
    }

    /** Why a class could not be woven. */
    public static final class WeaveFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WeaveFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A writer that computes common superclasses from class files, never by loading classes (H9). */
    private static final class HierarchyClassWriter extends ClassWriter {
        private final ClassHierarchy hierarchy;

        HierarchyClassWriter(ClassReader reader, boolean frames, ClassHierarchy hierarchy) {
            super(reader, frames ? COMPUTE_FRAMES : COMPUTE_MAXS);
            this.hierarchy = hierarchy;
        }

        @Override
        protected String getCommonSuperClass(String a, String b) {
            return hierarchy.commonSuperClass(a, b);
        }
    }
}
