package sandbox.core.weaving;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Which constructor calls of a method body construct a new object that stays on the stack ({@code new X(...)}:
 * {@code NEW X; DUP; ...; INVOKESPECIAL X.<init>}), as opposed to a constructor's own {@code super(...)} or
 * {@code this(...)} call on {@code this}. Only the former leave the object for the guard to adopt after the call.
 * javac nests the pairs, so one linear pass with a stack finds them; anything else is "not a construction" and
 * keeps the plain call.
 */
final class Constructions {
    private Constructions() {
    }

    /** @return bit n set when the n-th {@code INVOKESPECIAL <init>} of {@code code} constructs a NEW+DUP object */
    static BitSet scan(InsnList code) {
        BitSet result = new BitSet();
        Deque<String> pending = new ArrayDeque<>();   // owner of each open NEW+DUP, "" for a NEW without DUP
        int ordinal = 0;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.NEW) {
                AbstractInsnNode next = real(insn.getNext());
                pending.push(next != null && next.getOpcode() == Opcodes.DUP ? ((TypeInsnNode) insn).desc : "");
            } else if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
                String owner = ((MethodInsnNode) insn).owner;
                if (!pending.isEmpty() && (pending.peek().equals(owner) || pending.peek().isEmpty())) {
                    result.set(ordinal, pending.pop().equals(owner));
                }
                ordinal++;
            }
        }
        return result;
    }

    private static AbstractInsnNode real(AbstractInsnNode insn) {
        while (insn != null && insn.getOpcode() < 0) {   // labels, line numbers, frames
            insn = insn.getNext();
        }
        return insn;
    }
}
