package sandbox.core.weaving;

import java.util.BitSet;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the sensitive calls of one method body. The operand stack is never juggled (H12): the call's
 * arguments (and receiver, when it is the target) are stored into fresh locals, each target is passed to the guard,
 * which checks it and returns a trusted copy (A8), the copy is stored back, and the original call runs on the
 * reloaded arguments. Every shape (longs, doubles, many arguments, {@code super(...)} on an uninitialised
 * {@code this}, H3) is the same straight-line code, so no stack map frame changes.
 */
final class CallSiteRewriter extends MethodVisitor {
    private final String owner;
    private final int firstFreeLocal;
    private final CallMatcher matcher;
    private final HandleRewriter handles;
    private final BitSet constructions;
    private int initOrdinal;

    /** @param constructions which {@code <init>} calls construct a new object left on the stack ({@link Constructions}) */
    CallSiteRewriter(MethodVisitor next, String owner, int firstFreeLocal, CallMatcher matcher, HandleRewriter handles,
                     BitSet constructions) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.firstFreeLocal = firstFreeLocal;
        this.matcher = matcher;
        this.handles = handles;
        this.constructions = constructions;
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String desc, boolean itf) {
        boolean constructed = opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && constructions.get(initOrdinal++);
        int[] rows = matcher.match(opcode, callOwner, name, desc);
        if (rows.length == 0) {
            super.visitMethodInsn(opcode, callOwner, name, desc, itf);
            return;
        }
        Type[] args = Type.getArgumentTypes(desc);
        boolean ctor = name.equals("<init>");
        boolean storeReceiver = false;
        boolean storeArgs = false;
        boolean meterReceiver = false;
        for (int id : rows) {
            Target t = matcher.row(id).target();
            RowShape.check(matcher.row(id), opcode, desc);
            storeArgs |= t.kind() != TargetKind.NONE && t.kind() != TargetKind.METER_ONLY;
            storeReceiver |= t.isReceiver();
            meterReceiver |= matcher.row(id).wrap() == ResultWrap.NET_IO && opcode != Opcodes.INVOKESTATIC && !ctor;
        }
        int constructs = constructed ? firstWithWrap(rows, ResultWrap.FILE_STREAM) : -1;
        storeArgs |= constructs >= 0;
        if (meterReceiver) {   // the receiver (the socket) keys its streams' meter: keep it for after the call
            storeArgs = true;
            storeReceiver = true;
        }
        int[] slots = new int[args.length];
        int next = firstFreeLocal;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        int receiverSlot = next;
        if (storeArgs) {
            for (int i = args.length - 1; i >= 0; i--) {
                super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slots[i]);
            }
            if (storeReceiver) {
                super.visitVarInsn(Opcodes.ASTORE, receiverSlot);
            }
        }
        for (int id : rows) {
            emitCheck(id, opcode, callOwner, args, slots, receiverSlot);
        }
        if (constructs >= 0) {
            emitConstruct(constructs, callOwner, args, slots);
            return;
        }
        if (storeArgs) {
            if (storeReceiver) {
                super.visitVarInsn(Opcodes.ALOAD, receiverSlot);
            }
            for (int i = 0; i < args.length; i++) {
                super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
            }
        }
        super.visitMethodInsn(opcode, callOwner, name, desc, itf);
        if (constructed) {
            adoptConstructed(rows, callOwner);
        } else if (!ctor) {
            wrapResult(rows, Type.getReturnType(desc), meterReceiver ? receiverSlot : -1);
        }
    }

    private int firstWithWrap(int[] rows, ResultWrap wrap) {
        for (int id : rows) {
            if (matcher.row(id).wrap() == wrap) {
                return id;
            }
        }
        return -1;
    }

    /**
     * {@code new X(args)} built by the guard instead: the two references NEW and DUP left (uninitialised, never to
     * be initialised) are dropped, the checked arguments go to the guard as an array, and its object takes their
     * place. Straight-line: the stack after is what the constructor call would have left.
     */
    private void emitConstruct(int id, String type, Type[] args, int[] slots) {
        super.visitInsn(Opcodes.POP);
        super.visitInsn(Opcodes.POP);
        super.visitLdcInsn(args.length);
        super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < args.length; i++) {
            super.visitInsn(Opcodes.DUP);
            super.visitLdcInsn(i);
            super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
            box(args[i]);
            super.visitInsn(Opcodes.AASTORE);
        }
        GuardCalls.handleAndRow(mv, owner, id);
        GuardCalls.construct(mv);
        super.visitTypeInsn(Opcodes.CHECKCAST, type);
    }

    private void box(Type t) {
        if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
            return;
        }
        String boxed = switch (t.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            default -> "java/lang/Double";
        };
        super.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + t.getDescriptor() + ")L" + boxed + ";", false);
    }

    /** {@code new X(...)}: the new object (on the stack now) goes to the guard before the plugin can use it (OWNED rows only). */
    private void adoptConstructed(int[] rows, String type) {
        for (int id : rows) {
            if (matcher.row(id).wrap() == ResultWrap.OWNED) {
                super.visitInsn(Opcodes.ACONST_NULL);
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.result(mv);
                super.visitTypeInsn(Opcodes.CHECKCAST, type);
                return;
            }
        }
    }

    private void emitCheck(int id, int opcode, String callOwner, Type[] args, int[] slots, int receiverSlot) {
        Target t = matcher.row(id).target();
        switch (t.kind()) {
            case METER_ONLY -> { }
            case NONE -> {
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.check0(mv);
            }
            case PORT -> {
                super.visitVarInsn(Opcodes.ILOAD, slots[t.arg()]);
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.checkPort(mv);
            }
            case HOST_PORT, INET_PORT -> {
                super.visitVarInsn(Opcodes.ALOAD, slots[t.arg()]);
                super.visitVarInsn(Opcodes.ILOAD, slots[t.portArg()]);
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.check2(mv);
                storeCopy(args[t.arg()], slots[t.arg()]);
            }
            case OPEN -> {
                super.visitVarInsn(Opcodes.ALOAD, slots[t.portArg()]);
                GuardCalls.copyOptions(mv);
                storeCopy(args[t.portArg()], slots[t.portArg()]);
                super.visitVarInsn(Opcodes.ALOAD, slots[t.arg()]);
                super.visitVarInsn(Opcodes.ALOAD, slots[t.portArg()]);
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.checkOpen(mv);
                storeCopy(args[t.arg()], slots[t.arg()]);
            }
            default -> {
                boolean receiver = t.isReceiver();
                super.visitVarInsn(Opcodes.ALOAD, receiver ? receiverSlot : slots[t.arg()]);
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.check1(mv);
                if (receiver && (opcode == Opcodes.INVOKESPECIAL || !matcher.isJdk(callOwner))) {
                    // super.x() must run on this (H4); a receiver typed as a plugin subclass (H1) cannot be replaced by
                    // a JDK copy: both are checked on the copy's path (what the JDK reads) and run on the original
                    super.visitInsn(Opcodes.POP);
                } else if (receiver) {
                    storeCopy(Type.getObjectType(callOwner), receiverSlot);
                } else {
                    storeCopy(args[t.arg()], slots[t.arg()]);
                }
            }
        }
    }

    private void storeCopy(Type type, int slot) {
        super.visitTypeInsn(Opcodes.CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName());
        super.visitVarInsn(Opcodes.ASTORE, slot);
    }

    private void wrapResult(int[] rows, Type returned, int receiverSlot) {
        if (returned.getSort() != Type.OBJECT) {
            return;
        }
        for (int id : rows) {
            if (matcher.row(id).wrap() != ResultWrap.NONE) {
                if (receiverSlot >= 0) {
                    super.visitVarInsn(Opcodes.ALOAD, receiverSlot);
                } else {
                    super.visitInsn(Opcodes.ACONST_NULL);
                }
                GuardCalls.handleAndRow(mv, owner, id);
                GuardCalls.result(mv);
                super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
                return;
            }
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... bsmArgs) {
        BootstrapPolicy.check(bsm, matcher);
        super.visitInvokeDynamicInsn(name, desc, handles.rewrite(bsm), handles.rewriteAll(bsmArgs));
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (value instanceof Handle h) {
            value = handles.rewrite(h);
        } else if (value instanceof ConstantDynamic c) {
            value = handles.rewrite(c);
        }
        super.visitLdcInsn(value);
    }
}
