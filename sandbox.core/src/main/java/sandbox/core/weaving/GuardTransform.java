package sandbox.core.weaving;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * The guard step of the pipeline: binds the class to its plugin's policy handle and rewrites every call, constructor
 * and method-handle constant that reaches a sensitive JDK member.
 *
 * <p>The handle is a synthetic {@code static final} field {@value GuardCalls#FIELD}, set first thing in the static
 * initialiser by {@code Guard.bind(bundleId)} with the bundle id known at weave time; {@code bind} also checks that
 * its caller's class loader is that bundle's. A check then reads this field: no stack walk on the hot path.
 */
public final class GuardTransform implements ClassTransform {
    private final SensitiveApiTable table;

    /** @param table the sensitive-API table woven code refers to by row id */
    public GuardTransform(SensitiveApiTable table) {
        this.table = table;
    }

    @Override
    public ClassVisitor wrap(ClassVisitor next, WeaveContext ctx) {
        ctx.addDynamicImport(GuardCalls.PACKAGE);
        CallMatcher matcher = new CallMatcher(table, ctx.hierarchy());
        return new Weaver(next, ctx, matcher, QuietClasses.isQuiet(ctx.original(), matcher));
    }

    private static final class Weaver extends ClassVisitor {
        private final WeaveContext ctx;
        private final CallMatcher matcher;
        private final boolean quiet;
        private String owner;
        private int version;
        private boolean isInterface;
        private boolean sawClinit;
        private HandleRewriter handles;

        /** @param quiet true when no body can hold anything to rewrite ({@link QuietClasses}) */
        Weaver(ClassVisitor next, WeaveContext ctx, CallMatcher matcher, boolean quiet) {
            super(Opcodes.ASM9, next);
            this.ctx = ctx;
            this.matcher = matcher;
            this.quiet = quiet;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if ((access & Opcodes.ACC_MODULE) != 0) {
                throw new IllegalStateException("a plugin may not contain module descriptors: " + name);
            }
            this.owner = name;
            this.version = version & 0xFFFF;
            this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            this.handles = new HandleRewriter(name, isInterface, matcher);
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, desc, signature, exceptions);
            if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return next;
            }
            boolean clinit = name.equals("<clinit>");
            sawClinit |= clinit;
            if (quiet) {
                return clinit ? new BindingPrologue(next, owner, ctx.bundleId()) : next;
            }
            return new MethodNode(Opcodes.ASM9, access, name, desc, signature, exceptions) {
                @Override
                public void visitEnd() {
                    MethodVisitor out = new CallSiteRewriter(next, owner, maxLocals, matcher, handles,
                            Constructions.scan(instructions));
                    if (clinit) {
                        out = new BindingPrologue(out, owner, ctx.bundleId());
                    }
                    accept(out);
                }
            };
        }

        @Override
        public void visitEnd() {
            int access = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC
                    | (isInterface ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
            super.visitField(access, GuardCalls.FIELD, GuardCalls.FIELD_DESC, null, null).visitEnd();
            if (!sawClinit) {
                MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                mv.visitCode();
                GuardCalls.bind(mv, owner, ctx.bundleId());
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
            handles.emitWrappers(this, version);
            super.visitEnd();
        }
    }

    /** Puts the binding before the first instruction of an existing static initialiser. */
    private static final class BindingPrologue extends MethodVisitor {
        private final String owner;
        private final long bundleId;

        BindingPrologue(MethodVisitor next, String owner, long bundleId) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.bundleId = bundleId;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            GuardCalls.bind(mv, owner, bundleId);
        }
    }
}
