package sandbox.core.weaving;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The calls woven code makes into {@code sandbox.core.guard.Guard}: names and descriptors in one place. */
final class GuardCalls {
    static final String PACKAGE = "sandbox.core.guard";
    static final String OWNER = "sandbox/core/guard/Guard";
    static final String FIELD = "$sandbox$handle";
    static final String FIELD_DESC = "Ljava/lang/Object;";
    private static final String O = "Ljava/lang/Object;";

    private GuardCalls() {
    }

    static void bind(MethodVisitor mv, String owner, long bundleId) {
        mv.visitLdcInsn(bundleId);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "bind", "(J)" + O, false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, FIELD, FIELD_DESC);
    }

    /** Pushes the class's handle and the row id: the last two arguments of every check. */
    static void handleAndRow(MethodVisitor mv, String owner, int row) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, owner, FIELD, FIELD_DESC);
        mv.visitLdcInsn(row);
    }

    /** (handle, row) -> void */
    static void check0(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "(" + O + "I)V", false);
    }

    /** (target, handle, row) -> checked copy */
    static void check1(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "(" + O + O + "I)" + O, false);
    }

    /** (host or address, port, handle, row) -> checked copy of the host or address */
    static void check2(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "(" + O + "I" + O + "I)" + O, false);
    }

    /** (port, handle, row) -> void */
    static void checkPort(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "checkPort", "(I" + O + "I)V", false);
    }

    /** (options) -> a copy that iterates the same every time */
    static void copyOptions(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "copyOptions", "(" + O + ")" + O, false);
    }

    /** (path, copied options, handle, row) -> checked copy of the path */
    static void checkOpen(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "checkOpen", "(" + O + O + O + "I)" + O, false);
    }

    /** (arguments, handle, row) -> the object the guard constructed in place of the call's constructor */
    static void construct(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "construct", "([" + O + O + "I)" + O, false);
    }

    /** (result, receiver or null, handle, row) -> the result, wrapped for accounting */
    static void result(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "result", "(" + O + O + O + "I)" + O, false);
    }
}
