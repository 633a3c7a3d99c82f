package sandbox.core.reflect;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import sandbox.core.weaving.ClassHierarchy;

/**
 * Rewrites the meta-level calls of one method body ({@link MetaApi.Shape}). Like the guard step it never juggles
 * the stack: values it must look at are stored in fresh locals above the method's own and reloaded, straight-line,
 * so no branch and no stack map frame is added. Every guard call gets the caller's identity as a full-privilege
 * {@code Lookup} of the woven class ({@code MethodHandles.lookup()}, checked by the guard against the policy
 * handle) and the class's policy handle.
 */
final class MetaCallRewriter extends MethodVisitor {
    private static final String CHECK_DESC = "(Ljava/lang/Object;" + MetaApi.LOOKUP + "Ljava/lang/Object;I)V";
    private static final String BYTES_DESC = "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Object;II"
            + MetaApi.LOOKUP + "Ljava/lang/Object;)Ljava/lang/Object;";
    private final String owner;
    private final int firstFreeLocal;
    private final ClassHierarchy hierarchy;
    private final MetaHandles handles;
    private int extraLocals;

    MetaCallRewriter(MethodVisitor next, String owner, int firstFreeLocal, ClassHierarchy hierarchy, MetaHandles handles) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.firstFreeLocal = firstFreeLocal;
        this.hierarchy = hierarchy;
        this.handles = handles;
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String desc, boolean itf) {
        Forbidden.check(owner, callOwner);
        Forbidden.checkMember(owner, name);
        int id = MetaApiTable.match(opcode, callOwner, name, desc, hierarchy);
        if (id < 0) {
            super.visitMethodInsn(opcode, callOwner, name, desc, itf);
            return;
        }
        MetaApi row = MetaApiTable.row(id);
        switch (row.shape()) {
            case REPLACE -> {
                if (opcode == Opcodes.INVOKESPECIAL) {
                    throw new IllegalStateException(owner + " calls super." + name + ": a plugin may not override "
                            + row.operation());
                }
                pushCallerAndHandle();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, row.guardOwner(), row.guardName(), row.guardDescriptor(), false);
            }
            case CHECK -> {
                emitCheck(row, id, desc);
                super.visitMethodInsn(opcode, callOwner, name, desc, itf);
            }
            default -> {
                emitDefineBytes(desc);
                super.visitMethodInsn(opcode, callOwner, name, desc, itf);
            }
        }
    }

    /** Stores the arguments above the checked one, passes the checked value to the guard, reloads. */
    private void emitCheck(MetaApi row, int id, String desc) {
        if (row.arg() == MetaApi.IMPLICIT) {
            super.visitInsn(Opcodes.ACONST_NULL);   // the default the call stands for: checked as "no loader given"
            pushCallerAndHandle();
            super.visitLdcInsn(id);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, MetaApiRows.REFLECT, "check", CHECK_DESC, false);
            return;
        }
        Type[] args = Type.getArgumentTypes(desc);
        int from = row.arg() + 1;   // -1 (receiver) stores every argument
        int[] slots = slots(args);
        for (int i = args.length - 1; i >= from; i--) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slots[i]);
        }
        super.visitInsn(Opcodes.DUP);
        pushCallerAndHandle();
        super.visitLdcInsn(id);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, MetaApiRows.REFLECT, "check", CHECK_DESC, false);
        for (int i = from; i < args.length; i++) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
    }

    /**
     * {@code defineClass(name?, bytes|buffer, off?, len?, domain?)}: the guard weaves the bytes (or refuses) and the
     * original call defines the woven copy; offset and length then cover the whole copy.
     */
    private void emitDefineBytes(String desc) {
        Type[] args = Type.getArgumentTypes(desc);
        int b = -1;
        for (int i = 0; i < args.length && b < 0; i++) {
            if (args[i].getDescriptor().equals("[B") || args[i].getDescriptor().equals("Ljava/nio/ByteBuffer;")) {
                b = i;
            }
        }
        if (b < 0) {
            throw new IllegalStateException(owner + ": defineClass" + desc + " has no class bytes to weave");
        }
        boolean array = args[b].getSort() == Type.ARRAY;
        int[] slots = slots(args);
        int receiver = slots.length == 0 ? firstFreeLocal : slots[args.length - 1] + args[args.length - 1].getSize();
        extraLocals = Math.max(extraLocals, receiver + 1 - firstFreeLocal);
        for (int i = args.length - 1; i >= 0; i--) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slots[i]);
        }
        super.visitVarInsn(Opcodes.ASTORE, receiver);
        super.visitVarInsn(Opcodes.ALOAD, receiver);
        if (b > 0 && args[0].getDescriptor().equals("Ljava/lang/String;")) {
            super.visitVarInsn(Opcodes.ALOAD, slots[0]);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
        }
        super.visitVarInsn(Opcodes.ALOAD, slots[b]);
        if (array) {
            super.visitVarInsn(Opcodes.ILOAD, slots[b + 1]);
            super.visitVarInsn(Opcodes.ILOAD, slots[b + 2]);
        } else {
            super.visitInsn(Opcodes.ICONST_0);
            super.visitInsn(Opcodes.ICONST_M1);
        }
        pushCallerAndHandle();
        super.visitMethodInsn(Opcodes.INVOKESTATIC, MetaApiRows.DEFINE, "loaderBytes", BYTES_DESC, false);
        super.visitTypeInsn(Opcodes.CHECKCAST, array ? "[B" : "java/nio/ByteBuffer");
        super.visitVarInsn(Opcodes.ASTORE, slots[b]);
        if (array) {
            super.visitInsn(Opcodes.ICONST_0);
            super.visitVarInsn(Opcodes.ISTORE, slots[b + 1]);
            super.visitVarInsn(Opcodes.ALOAD, slots[b]);
            super.visitInsn(Opcodes.ARRAYLENGTH);
            super.visitVarInsn(Opcodes.ISTORE, slots[b + 2]);
        }
        super.visitVarInsn(Opcodes.ALOAD, receiver);
        for (int i = 0; i < args.length; i++) {
            super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
    }

    private int[] slots(Type[] args) {
        int[] slots = new int[args.length];
        int next = firstFreeLocal;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        extraLocals = Math.max(extraLocals, next - firstFreeLocal);
        return slots;
    }

    private void pushCallerAndHandle() {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()" + MetaApi.LOOKUP, false);
        super.visitFieldInsn(Opcodes.GETSTATIC, owner, MetaTransform.HANDLE_FIELD, MetaApi.OBJECT);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String desc) {
        Forbidden.check(owner, fieldOwner);
        Forbidden.check(owner, desc);
        Forbidden.checkMember(owner, name);
        super.visitFieldInsn(opcode, fieldOwner, name, desc);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        Forbidden.check(owner, type);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Type t) {
            Forbidden.check(owner, t.getDescriptor());
        } else if (value instanceof Handle h) {
            value = handles.rewrite(h);
        } else if (value instanceof ConstantDynamic c) {
            value = handles.rewrite(c);
        }
        super.visitLdcInsn(value);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... bsmArgs) {
        super.visitInvokeDynamicInsn(name, desc, handles.rewrite(bsm), handles.rewriteAll(bsmArgs));
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        // the guard step after this one takes fresh locals from here on: they must not overlap ours (the class
        // writer recomputes both maxima; this value only tells the next step where free locals start)
        super.visitMaxs(maxStack, maxLocals + extraLocals);
    }
}
