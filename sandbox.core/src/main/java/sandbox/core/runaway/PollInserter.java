package sandbox.core.runaway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves one method body as it streams past, without building it as a tree first. Shapes inserted (none contains a
 * branch, so existing stack map frames stay valid):
 * <pre>
 * indy poll       invokedynamic poll()V [Poll.bootstrap, "pluginId"]                      (class files 51+)
 *                 - at back-edges and method entries, as below; bound to the plugin's MutableCallSite, whose
 *                   target is a no-op the JIT inlines away while the signal is lowered (zero instructions)
 * poll            getstatic Owner.$sandbox$signal; invokestatic Poll.poll(Signal)V      (volatile read; < 51)
 *                 - before every backward jump, switch with a backward target, and RET
 *                 - at the entry of a handler that lies before the start of a range it covers (an exception loop)
 * entry poll      getstatic Owner.$sandbox$signal; invokestatic Poll.enter(Signal)V     (plain read; < 51)
 *                 - at method entry, unless the method is a leaf (no call, no loop: it ends in bounded time)
 * handler guard   dup; getstatic Owner.$sandbox$signal; invokestatic Poll.caught(Throwable, Signal)V
 *                 - first thing in handlers typed Throwable, Error, VirtualMachineError, StackOverflowError
 * </pre>
 * Catch-any handlers ({@code finally}, the monitor release of {@code synchronized}) are left alone: their body runs,
 * javac's rethrows at its end, and a loop inside is stopped by the next poll because the thread stays condemned.
 * A handler whose range covers the handler itself is refused unless it is one of javac's harmless shapes (only
 * astore, aload, monitorexit in the covered part), because a termination thrown there would be caught by the same
 * handler forever.
 *
 * <p>Everything but the entry poll is decided from what has streamed past: a jump goes back when its label has
 * already been visited, and every try-catch block is visited before its labels (the {@code MethodVisitor}
 * contract). Whether the method is a leaf comes from the caller ({@link CodeShapes}, or the buffered body).
 */
final class PollInserter extends MethodVisitor {
    /** A list, not a set: the static initialiser's prologue iterates it and woven bytes must not vary by run. */
    private static final List<String> GUARDED_TYPES = List.of("java/lang/Throwable", "java/lang/Error",
            "java/lang/VirtualMachineError", "java/lang/StackOverflowError");
    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, RunawayTransform.POLL_OWNER, "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final Set<Integer> MONITOR_RELEASE_OPS = Set.of(Opcodes.ASTORE, Opcodes.ALOAD, Opcodes.MONITOREXIT);
    private static final int GUARD = 0;
    private static final int POLL = 1;

    private final String owner;
    private final String method;
    private final String pluginId;
    private final boolean clinit;
    private final int version;
    private final boolean entryPoll;
    private final Set<Label> visited = new HashSet<>();
    private final List<Block> blocks = new ArrayList<>();
    private final Map<Label, List<Block>> byHandler = new HashMap<>();
    /** Insertions due before the next instruction, as (block index * 2 + kind); a handler's label comes first. */
    private final List<Integer> pending = new ArrayList<>();
    /** End labels of self-covering handlers still open: only javac's monitor-release instructions may run there. */
    private final Set<Label> releaseRegions = new HashSet<>();

    private record Block(int index, Label start, Label end, Label handler, boolean guardedType) {
    }

    /**
     * @param next where the woven body goes
     * @param owner internal name of the class
     * @param method the method's name, for error messages
     * @param pluginId the plugin the class belongs to
     * @param clinit true for the static initialiser (it sets the signal field and always polls at entry)
     * @param version the class-file version
     * @param leaf true when the body neither calls nor branches back: it gets no entry poll
     */
    PollInserter(MethodVisitor next, String owner, String method, String pluginId, boolean clinit, int version, boolean leaf) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.method = method;
        this.pluginId = pluginId;
        this.clinit = clinit;
        this.version = version;
        this.entryPoll = clinit || !leaf;
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
                mv.visitLdcInsn(Type.getObjectType(type));
                mv.visitInsn(Opcodes.POP);
            }
        }
        mv.visitLdcInsn(pluginId);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, "signal",
                "(Ljava/lang/String;)" + RunawayTransform.SIGNAL_DESC, false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (clinit) {
            emitSignalInit(mv, owner, pluginId, version);
        }
        if (entryPoll) {
            indyOr("enter");
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        Block block = new Block(blocks.size(), start, end, handler, type != null && GUARDED_TYPES.contains(type));
        blocks.add(block);
        byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(block);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        visited.add(label);
        releaseRegions.remove(label);
        List<Block> handled = byHandler.get(label);
        if (handled != null) {
            enterHandler(handled);
        }
        super.visitLabel(label);
    }

    private void enterHandler(List<Block> handled) {
        boolean guarded = false;
        boolean polled = false;
        for (Block block : handled) {
            boolean coversItself = visited.contains(block.start) && !visited.contains(block.end);
            if (coversItself) {
                if (block.guardedType) {
                    throw selfCovering();
                }
                releaseRegions.add(block.end);
            }
            if (block.guardedType && !guarded) {
                guarded = true;
                pending.add(block.index * 2 + GUARD);
            }
            if (!visited.contains(block.start) && !polled) {   // the handler lies before the range it covers
                polled = true;
                pending.add(block.index * 2 + POLL);
            }
        }
    }

    private IllegalArgumentException selfCovering() {
        return new IllegalArgumentException(owner.replace('/', '.') + "." + method
                + ": an exception handler covers itself; refused because a termination thrown in it would loop forever");
    }

    /** Called before every instruction, the plugin's and the inserted ones. */
    private void instruction(int opcode) {
        if (!pending.isEmpty()) {
            // the tree weave put each insertion before the handler's first instruction, so the last one came first
            List<Integer> due = new ArrayList<>(pending);
            pending.clear();
            due.sort(null);
            for (int i = due.size() - 1; i >= 0; i--) {
                if (due.get(i) % 2 == GUARD) {
                    guard();
                } else {
                    poll("poll");
                }
            }
        }
        if (!releaseRegions.isEmpty() && !MONITOR_RELEASE_OPS.contains(opcode)) {
            throw selfCovering();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        instruction(opcode);
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction(opcode);
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        instruction(opcode);
        if (opcode == Opcodes.RET) {
            indyOr("poll");
        }
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        instruction(opcode);
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        instruction(opcode);
        super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
        instruction(opcode);
        super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
        instruction(Opcodes.INVOKEDYNAMIC);
        super.visitInvokeDynamicInsn(name, descriptor, bsm, bsmArgs);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        instruction(opcode);
        if (visited.contains(label)) {
            indyOr("poll");
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        instruction(Opcodes.LDC);
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        instruction(Opcodes.IINC);
        super.visitIincInsn(var, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        instruction(Opcodes.TABLESWITCH);
        if (goesBack(dflt, labels)) {
            indyOr("poll");
        }
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        instruction(Opcodes.LOOKUPSWITCH);
        if (goesBack(dflt, labels)) {
            indyOr("poll");
        }
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        instruction(Opcodes.MULTIANEWARRAY);
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack + 2, maxLocals);
    }

    private boolean goesBack(Label dflt, Label[] labels) {
        if (visited.contains(dflt)) {
            return true;
        }
        for (Label l : labels) {
            if (visited.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The invokedynamic poll where the class file allows it (51+), else the field-reading {@code entryPoint}. */
    private void indyOr(String entryPoint) {
        if ((version & 0xFFFF) < Opcodes.V1_7 || !RunawayTransform.INDY_POLLS) {
            poll(entryPoint);
            return;
        }
        instruction(Opcodes.INVOKEDYNAMIC);
        super.visitInvokeDynamicInsn("poll", "()V", BOOTSTRAP, pluginId);
    }

    private void poll(String entryPoint) {
        instruction(Opcodes.GETSTATIC);
        super.visitFieldInsn(Opcodes.GETSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, entryPoint,
                "(" + RunawayTransform.SIGNAL_DESC + ")V", false);
    }

    private void guard() {
        instruction(Opcodes.DUP);
        super.visitInsn(Opcodes.DUP);
        super.visitFieldInsn(Opcodes.GETSTATIC, owner, RunawayTransform.SIGNAL_FIELD, RunawayTransform.SIGNAL_DESC);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RunawayTransform.POLL_OWNER, "caught",
                "(Ljava/lang/Throwable;" + RunawayTransform.SIGNAL_DESC + ")V", false);
    }
}
