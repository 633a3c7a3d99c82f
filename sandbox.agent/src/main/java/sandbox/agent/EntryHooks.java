package sandbox.agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites one JDK class so that each of its sink methods starts with {@code SinkGate.check(id, a, b)}. Nothing
 * else changes: no branch, no new local, no frame, so the original body runs untouched after the call returns
 * (the gate allows by returning and denies by throwing).
 */
final class EntryHooks {
    static final String GATE = "sandbox/agent/gate/SinkGate";

    private final List<SinkRow> rows;
    /** Rows actually found and rewritten; the agent compares with the table afterwards (fail closed). */
    final Set<SinkRow> applied = ConcurrentHashMap.newKeySet();

    EntryHooks(List<SinkRow> rows) {
        this.rows = rows;
    }

    /** @return the rewritten class, or {@code null} when it has no sink (the JVM then keeps its bytes) */
    byte[] rewrite(String className, byte[] bytes) {
        if (rows.stream().noneMatch(r -> r.owner().equals(className))) {
            return null;
        }
        ClassReader reader = new ClassReader(bytes);
        // COMPUTE_MAXS, not COMPUTE_FRAMES: the prologue adds stack depth only; frames would need class loading
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, exceptions);
                for (SinkRow r : rows) {
                    if (r.owner().equals(className) && r.name().equals(name) && r.descriptor().equals(desc)
                            && (access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0) {
                        applied.add(r);
                        return new Prologue(mv, r, (access & Opcodes.ACC_STATIC) != 0);
                    }
                }
                return mv;
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Emits the gate call before the method's first instruction. */
    private static final class Prologue extends MethodVisitor {
        private final SinkRow row;
        private final boolean isStatic;

        Prologue(MethodVisitor mv, SinkRow row, boolean isStatic) {
            super(Opcodes.ASM9, mv);
            this.row = row;
            this.isStatic = isStatic;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitLdcInsn(row.id());
            load(row.a());
            load(row.b());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GATE, "check", "(ILjava/lang/Object;Ljava/lang/Object;)V", false);
        }

        private void load(int which) {
            if (which < 0) {
                super.visitInsn(Opcodes.ACONST_NULL);
                return;
            }
            if (which == 0) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                return;
            }
            Type[] params = Type.getArgumentTypes(row.descriptor());
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < which - 1; i++) {
                slot += params[i].getSize();
            }
            Type t = params[which - 1];
            super.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
            box(t);
        }

        private void box(Type t) {
            String boxed = switch (t.getSort()) {
                case Type.INT -> "java/lang/Integer";
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.LONG -> "java/lang/Long";
                default -> null;
            };
            if (boxed != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf", "(" + t.getDescriptor() + ")L" + boxed + ";", false);
            }
        }
    }
}
