package sandbox.core.reflect;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;
import sandbox.core.weaving.ClassTransform;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.WeaveContext;

/**
 * The reflection and class-definition step of the weaving pipeline. It must run before the guard step
 * ({@code GuardTransform}): it replaces meta-level calls by guard calls, so the guard step's plain deny rows for
 * the same members never see them, and it reads the policy-handle field the guard step adds to every class.
 *
 * <p>It also refuses, at weave time, any class that names {@code sun.misc}, {@code sun.reflect} or
 * {@code jdk.internal} (B9, B10): raw memory and constructor-less instances have no guarded form.
 */
public final class MetaTransform implements ClassTransform {
    /** The synthetic static field the guard step gives every woven class (its policy handle). */
    static final String HANDLE_FIELD = "$sandbox$handle";
    static final String GUARD_PACKAGE = "sandbox.core.guard";

    private final boolean quietCheck;

    /** Adds the class-definition and deputy rows ({@link DefinitionRows}) to the sensitive-API table, once. */
    public MetaTransform() {
        this(true);
    }

    /** @param quietCheck false to rewrite every body even when {@link MetaQuietClasses} finds nothing (tests) */
    MetaTransform(boolean quietCheck) {
        DefinitionRows.addTo(SensitiveApiTable.INSTANCE);
        this.quietCheck = quietCheck;
    }

    @Override
    public ClassVisitor wrap(ClassVisitor next, WeaveContext ctx) {
        ctx.addDynamicImport(GUARD_PACKAGE);
        return new Weaver(next, ctx, quietCheck && MetaQuietClasses.isQuiet(ctx.original(), ctx.hierarchy()));
    }

    private static final class Weaver extends ClassVisitor {
        private final WeaveContext ctx;
        private String owner;
        private MetaHandles handles;
        private int version;
        private boolean emittingWrappers;
        private final boolean quiet;

        /** @param quiet true when no method body names anything this step checks ({@link MetaQuietClasses}) */
        Weaver(ClassVisitor next, WeaveContext ctx, boolean quiet) {
            super(Opcodes.ASM9, next);
            this.ctx = ctx;
            this.quiet = quiet;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.owner = name;
            this.version = version & 0xFFFF;
            Forbidden.check(name, superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    Forbidden.check(name, i);
                }
            }
            handles = new MetaHandles(name, (access & Opcodes.ACC_INTERFACE) != 0, ctx.hierarchy());
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public org.objectweb.asm.FieldVisitor visitField(int access, String name, String desc, String signature,
                                                         Object value) {
            Forbidden.checkMember(owner, name);
            return super.visitField(access, name, desc, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            if (!emittingWrappers) {
                Forbidden.checkMember(owner, name);
            }
            MethodVisitor next = super.visitMethod(access, name, desc, signature, exceptions);
            if (next == null || quiet || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return next;   // quiet: the body goes on as it is, and may be copied as bytes
            }
            return new MethodNode(Opcodes.ASM9, access, name, desc, signature, exceptions) {
                @Override
                public void visitEnd() {
                    accept(new MetaCallRewriter(next, owner, maxLocals, ctx.hierarchy(), handles));
                }
            };
        }

        @Override
        public void visitEnd() {
            emittingWrappers = true;
            handles.emitWrappers(this, version);
            super.visitEnd();
        }
    }
}
