package sandbox.core.runaway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Weaves one method body. Shapes inserted (none contains a branch, so existing stack map frames stay valid):
 * <pre>
 * indy poll       invokedynamic poll()V [Poll.bootstrap, "pluginId"]                      (class files 51+)
 *                 - at back-edges and method entries, as below; bound to the plugin's MutableCallSite, whose
 *                   target is a no-op the JIT inlines away while the signal is lowered (zero instructions)
 * poll            getstatic Owner.$sandbox$signal; invokestatic Poll.poll(Signal)V      (volatile read; < 51)
 *                 - before every backward jump, switch with a backward target, and RET
 *                 - at the entry of a handler that lies before the end of a range it covers (an exception loop)
 * entry poll      getstatic Owner.$sandbox$signal; invokestatic Poll.enter(Signal)V     (plain read; < 51)
 *                 - at method entry, unless the method is a leaf (no call, no loop: it ends in bounded time)
 * handler guard   dup; getstatic Owner.$sandbox$signal; invokestatic Poll.caught(Throwable, Signal)V
 *                 - first thing in handlers typed Throwable, Error, VirtualMachineError, StackOverflowError
 * </pre>
 * Catch-any handlers ({@code finally}, the monitor release of {@code synchronized}) are left alone: their body runs,
 * javac's rethrows at its end, and a loop inside is stopped by the next poll because the thread stays condemned.
 * A handler whose range covers the handler itself is refused unless it is one of javac's harmless shapes (only
 * astore, aload, monitorexit in the covered part), because
 * a termination thrown there would be caught by the same handler forever.
 */
final class PollInserter {
    /** A list, not a set: the static initialiser's prologue iterates it and woven bytes must not vary by run. */
    private static final List<String> GUARDED_TYPES = List.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/VirtualMachineError", "java/lang/StackOverflowError");
    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, RunawayTransform.POLL_OWNER, "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final Set<Integer> MONITOR_RELEASE_OPS = Set.of(Opcodes.ASTORE, Opcodes.ALOAD, Opcodes.MONITOREXIT);

    private final String owner;
    private final String pluginId;
    private final boolean clinit;
    private final int version;

    PollInserter(String owner, String pluginId, boolean clinit, int version) {
        this.owner = owner;
        this.pluginId = pluginId;
        this.clinit = clinit;
        this.version = version;
    }

    /**
     * The static initialiser's prologue: {@code $sandbox$signal = Poll.signal("pluginId")}, and (class files 49+)
     * an {@code ldc} of each guarded handler type. That resolves the class constant a handler's catch type shares
     * with it while the stack is still shallow: resolved first when a deep recursion overflows, the bundle class
     * loader can itself overflow, and the failed resolution is recorded for good (NoClassDefFoundError for
     * StackOverflowError in every later catch of the class, escape catalogue F5 turned on the plugin itself).
     */
    static void emitSignalInit(MethodVisitor mv, String owner, String pluginId, int version) {
        if ((version & 0xFFFF) >= Opcodes.V1_5) {
            for (String type : GUARDED_TYPES) {
                mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(type));
                mv.visitInsn(Opcodes.POP);
            }
        }
        mv.visitLdcInsn(pluginId);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, "signal",
                "(Ljava/lang/String;)" + RunawayTransform.SIGNAL_DESC, false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC);
    }

    void weave(MethodNode method) {
        InsnList code = method.instructions;
        if (code.size() == 0) {
            return;
        }
        List<AbstractInsnNode> backEdges = new ArrayList<>();
        boolean calls = false;
        for (AbstractInsnNode insn : code) {
            calls |= insn.getType() == AbstractInsnNode.METHOD_INSN || insn.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN;
            if (jumpsBack(code, insn)) {
                backEdges.add(insn);
            }
        }
        for (AbstractInsnNode edge : backEdges) {
            code.insertBefore(edge, indyOr("poll"));
        }
        guardHandlers(method);
        if (calls || !backEdges.isEmpty() || clinit) {
            code.insert(indyOr("enter"));
        }
        if (clinit) {
            code.insert(signalInit());
        }
        method.maxStack += 2;
    }

    private void guardHandlers(MethodNode method) {
        InsnList code = method.instructions;
        Set<LabelNode> guarded = new java.util.HashSet<>();
        Set<LabelNode> polled = new java.util.HashSet<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = code.indexOf(block.handler);
            int start = code.indexOf(block.start);
            int end = code.indexOf(block.end);
            boolean guardedType = block.type != null && GUARDED_TYPES.contains(block.type);
            boolean coversItself = handler >= start && handler < end;
            if (coversItself && (guardedType || !isMonitorRelease(code, block.handler, block.end))) {
                throw new IllegalArgumentException(owner.replace('/', '.') + "." + method.name
                        + ": an exception handler covers itself; refused because a termination thrown in it would loop forever");
            }
            if (guardedType && guarded.add(block.handler)) {
                code.insertBefore(firstInsn(block.handler), guard());
            }
            if (handler < start && polled.add(block.handler)) {
                code.insertBefore(firstInsn(block.handler), poll());
            }
        }
    }

    private static boolean jumpsBack(InsnList code, AbstractInsnNode insn) {
        int at = code.indexOf(insn);
        if (insn instanceof JumpInsnNode jump) {
            return code.indexOf(jump.label) <= at;
        }
        if (insn instanceof TableSwitchInsnNode table) {
            return code.indexOf(table.dflt) <= at || table.labels.stream().anyMatch(l -> code.indexOf(l) <= at);
        }
        if (insn instanceof LookupSwitchInsnNode lookup) {
            return code.indexOf(lookup.dflt) <= at || lookup.labels.stream().anyMatch(l -> code.indexOf(l) <= at);
        }
        return insn.getOpcode() == Opcodes.RET;
    }

    /**
     * javac's self-covering handlers: the {@code synchronized} exit (astore, aload, monitorexit) and the first
     * store of a {@code finally} handler. Nothing in such a region can loop or run plugin code, and nothing is
     * inserted there.
     */
    private static boolean isMonitorRelease(InsnList code, LabelNode handler, LabelNode end) {
        for (AbstractInsnNode insn = handler; insn != null && insn != end; insn = insn.getNext()) {
            if (insn.getOpcode() >= 0 && !MONITOR_RELEASE_OPS.contains(insn.getOpcode())) {
                return false;
            }
        }
        return true;
    }

    private static AbstractInsnNode firstInsn(LabelNode label) {
        AbstractInsnNode insn = label;
        while (insn.getOpcode() < 0) {
            insn = insn.getNext();
        }
        return insn;
    }

    private InsnList poll() {
        return poll("poll");
    }

    /** The invokedynamic poll where the class file allows it (51+), else the field-reading {@code entryPoint}. */
    private InsnList indyOr(String entryPoint) {
        if ((version & 0xFFFF) < Opcodes.V1_7 || !RunawayTransform.INDY_POLLS) {
            return poll(entryPoint);
        }
        InsnList list = new InsnList();
        list.add(new InvokeDynamicInsnNode("poll", "()V", BOOTSTRAP, pluginId));
        return list;
    }

    private InsnList poll(String entryPoint) {
        InsnList list = new InsnList();
        list.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC));
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, entryPoint,
                "(" + RunawayTransform.SIGNAL_DESC + ")V", false));
        return list;
    }

    private InsnList guard() {
        InsnList list = new InsnList();
        list.add(new InsnNode(Opcodes.DUP));
        list.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC));
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, "caught",
                "(Ljava/lang/Throwable;" + RunawayTransform.SIGNAL_DESC + ")V", false));
        return list;
    }

    private InsnList signalInit() {
        InsnList list = new InsnList();
        if ((version & 0xFFFF) >= Opcodes.V1_5) {
            for (String type : GUARDED_TYPES) {
                list.add(new LdcInsnNode(org.objectweb.asm.Type.getObjectType(type)));
                list.add(new InsnNode(Opcodes.POP));
            }
        }
        list.add(new LdcInsnNode(pluginId));
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, "signal",
                "(Ljava/lang/String;)" + RunawayTransform.SIGNAL_DESC, false));
        list.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC));
        return list;
    }
}
