package sandbox.core.runaway;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The runaway-containment weave of one plugin class: a poll at loop back-edges and method entries, and handler
 * entries that cannot swallow Sandbox's termination (see {@link PollInserter} for the shapes).
 *
 * <p>Each woven class gets a synthetic {@code static final} field {@value #SIGNAL_FIELD} holding its plugin's
 * {@link sandbox.core.runaway.poll.Signal}, set first thing in its static initialiser. The weave adds no branch to
 * plugin code, so no stack map frame has to be computed: a woven class needs no {@code COMPUTE_FRAMES}.
 *
 * <p>Woven classes call {@value #POLL_PACKAGE}: the weaving hook must add it to the class's dynamic imports.
 */
public final class RunawayTransform {
    /** Name of the synthetic field holding the plugin's signal in every woven class. */
    public static final String SIGNAL_FIELD = "$sandbox$signal";
    /** Package woven code calls; exported by sandbox.core, dynamically imported by woven classes. */
    public static final String POLL_PACKAGE = "sandbox.core.runaway.poll";

    static final String SIGNAL_DESC = "Lsandbox/core/runaway/poll/Signal;";
    /**
     * The invokedynamic poll costs nothing because retargeting its call site deoptimizes compiled code at its next
     * safepoint poll. Compiled counted loops only have safepoint polls with UseCountedLoopSafepoints (on with G1,
     * ZGC, Shenandoah; off with Serial and Parallel GC): without it a compiled inner loop would run to its end
     * before it sees the signal, so the field-reading polls are woven instead.
     */
    static final boolean INDY_POLLS = countedLoopSafepoints();
    static final String POLL_OWNER = "sandbox/core/runaway/poll/Poll";

    private static boolean countedLoopSafepoints() {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCountedLoopSafepoints").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no such flag: the field-reading polls work everywhere
        }
    }

    /**
     * @param next where the woven class goes
     * @param pluginId the plugin the class belongs to (its signal is looked up by this id)
     * @param original the class file as shipped, read before any step ran: it tells which bodies are leaves and
     *                 which the weave leaves untouched (those the class writer then copies as they are)
     * @return a visitor that weaves the class and passes it on to {@code next}
     */
    public ClassVisitor wrap(ClassVisitor next, String pluginId, ClassReader original) {
        return new Weaver(next, Objects.requireNonNull(pluginId, "pluginId"), CodeShapes.of(original));
    }

    /**
     * The same weave without the class file at hand: each body is buffered to learn whether it is a leaf before
     * it is woven (slower).
     *
     * @param next where the woven class goes
     * @param pluginId the plugin the class belongs to (its signal is looked up by this id)
     * @return a visitor that weaves the class and passes it on to {@code next}
     */
    public ClassVisitor wrap(ClassVisitor next, String pluginId) {
        return new Weaver(next, Objects.requireNonNull(pluginId, "pluginId"), null);
    }

    /** Adds the field and static initialiser and hands each method body to {@link PollInserter}. */
    private static final class Weaver extends ClassVisitor {
        private final String pluginId;
        private final CodeShapes shapes;
        private String owner;
        private int version;
        private boolean isInterface;
        private boolean skip;
        private boolean sawClinit;

        Weaver(ClassVisitor next, String pluginId, CodeShapes shapes) {
            super(Opcodes.ASM9, next);
            this.pluginId = pluginId;
            this.shapes = shapes;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
            this.version = version;
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            skip = (access & Opcodes.ACC_MODULE) != 0;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (skip || next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                return next;
            }
            boolean clinit = name.equals("<clinit>");
            sawClinit |= clinit;
            if (shapes != null) {
                if (!clinit && shapes.untouched(name, descriptor)) {
                    return next;   // nothing to weave: handed on as it is, so the writer can copy the body's bytes
                }
                return new PollInserter(next, owner, name, pluginId, clinit, version, shapes.leaf(name, descriptor));
            }
            return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
                @Override
                public void visitEnd() {
                    accept(new PollInserter(next, owner, name, pluginId, clinit, version, isLeaf(instructions)));
                }
            };
        }

        @Override
        public void visitEnd() {
            if (!skip) {
                int access = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC
                        | (isInterface ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
                super.visitField(access, SIGNAL_FIELD, SIGNAL_DESC, null, null).visitEnd();
                if (!sawClinit) {
                    MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                    mv.visitCode();
                    PollInserter.emitSignalInit(mv, owner, pluginId, version);
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitMaxs(1, 0);
                    mv.visitEnd();
                }
            }
            super.visitEnd();
        }
    }

    /** @return true when a buffered body neither calls nor jumps to an instruction at or before the jump */
    private static boolean isLeaf(InsnList code) {
        Set<LabelNode> seen = new HashSet<>();
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LabelNode label) {
                seen.add(label);
            } else if (insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode
                    || insn.getOpcode() == Opcodes.RET
                    || insn instanceof JumpInsnNode jump && seen.contains(jump.label)
                    || insn instanceof TableSwitchInsnNode table && (seen.contains(table.dflt) || table.labels.stream().anyMatch(seen::contains))
                    || insn instanceof LookupSwitchInsnNode lookup && (seen.contains(lookup.dflt) || lookup.labels.stream().anyMatch(seen::contains))) {
                return false;
            }
        }
        return true;
    }
}
