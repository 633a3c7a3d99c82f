package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The synthetic static methods a woven class gets in place of method-handle constants a step must guard (the guard
 * step's {@code HandleRewriter}, the reflection step's {@code MetaHandles}): each has the handle's effective type and
 * makes the handle's one call, which the step's call-site rewriting then guards like any other call.
 */
public final class HandleWrappers {
    private final String owner;
    private final boolean ownerIsInterface;
    private final String prefix;
    private final String what;
    private final Map<Handle, Handle> wrappers = new LinkedHashMap<>();

    /**
     * @param owner the woven class (internal name)
     * @param ownerIsInterface whether it is an interface
     * @param prefix the wrappers' name prefix, e.g. {@code $sandbox$ref$}
     * @param what what the handles reach, for the refusal message, e.g. {@code "sensitive"}
     */
    public HandleWrappers(String owner, boolean ownerIsInterface, String prefix, String what) {
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.prefix = prefix;
        this.what = what;
    }

    /** @return the handle of the wrapper for {@code h}, made once per distinct handle */
    public Handle wrap(Handle h) {
        return wrappers.computeIfAbsent(h, k -> new Handle(Opcodes.H_INVOKESTATIC, owner,
                prefix + wrappers.size(), wrapperDesc(k), ownerIsInterface));
    }

    private String wrapperDesc(Handle h) {
        Type type = Type.getMethodType(h.getDesc());
        List<Type> params = new ArrayList<>(List.of(type.getArgumentTypes()));
        Type returned = type.getReturnType();
        switch (h.getTag()) {
            case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE -> params.add(0, Type.getObjectType(h.getOwner()));
            case Opcodes.H_INVOKESPECIAL -> params.add(0, Type.getObjectType(owner));
            case Opcodes.H_NEWINVOKESPECIAL -> returned = Type.getObjectType(h.getOwner());
            default -> { }
        }
        return Type.getMethodDescriptor(returned, params.toArray(new Type[0]));
    }

    /** Emits the wrapper methods; each goes through {@code cv}, the step's rewriting visitor, so its one call is guarded. */
    public void emit(ClassVisitor cv, int classVersion) {
        // JVMS 8 4.6: from class file 52 an interface method may be ACC_PRIVATE (javac 8 puts its lambda bodies
        // there as private static methods, called by invokestatic on an InterfaceMethodref); below 52 every interface
        // method is public abstract, so there is no place for the wrapper: refuse (fail closed)
        if (!wrappers.isEmpty() && ownerIsInterface && classVersion < Opcodes.V1_8) {
            throw new IllegalStateException("interface " + owner + " (class file " + classVersion
                    + ") refers to a " + what + " method handle and cannot hold a private guard method"
                    + " (interfaces below class file 52 hold no static methods)");
        }
        // wrappers may be added while emitting (a wrapper's own handles are plain calls): iterate over a copy
        for (Map.Entry<Handle, Handle> e : new ArrayList<>(wrappers.entrySet())) {
            Handle target = e.getKey();
            Handle wrapper = e.getValue();
            MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    wrapper.getName(), wrapper.getDesc(), null, null);
            mv.visitCode();
            if (target.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                mv.visitTypeInsn(Opcodes.NEW, target.getOwner());
                mv.visitInsn(Opcodes.DUP);
            }
            int slot = 0;
            for (Type p : Type.getArgumentTypes(wrapper.getDesc())) {
                mv.visitVarInsn(p.getOpcode(Opcodes.ILOAD), slot);
                slot += p.getSize();
            }
            mv.visitMethodInsn(opcode(target.getTag()), target.getOwner(), target.getName(), target.getDesc(),
                    target.isInterface());
            mv.visitInsn(Type.getReturnType(wrapper.getDesc()).getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    private static int opcode(int tag) {
        return switch (tag) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            default -> Opcodes.INVOKESPECIAL;
        };
    }
}
