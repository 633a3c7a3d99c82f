package sandbox.core.reflect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import sandbox.core.weaving.BootstrapConstants;
import sandbox.core.weaving.ClassHierarchy;

/**
 * Method-handle constants that reach a meta-level member ({@code ldc} H7, condy H8 such as
 * {@code ConstantBootstraps.invoke} with a handle to {@code Method.invoke}, method references B4) are pointed at a
 * synthetic static method of the woven class whose one call is then rewritten like any other call site.
 */
final class MetaHandles {
    private final String owner;
    private final boolean ownerIsInterface;
    private final ClassHierarchy hierarchy;
    private final Map<Handle, Handle> wrappers = new LinkedHashMap<>();

    MetaHandles(String owner, boolean ownerIsInterface, ClassHierarchy hierarchy) {
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.hierarchy = hierarchy;
    }

    Handle rewrite(Handle h) {
        Forbidden.check(owner, h.getOwner());
        Forbidden.checkMember(owner, h.getName());
        int opcode = switch (h.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> -1;
        };
        if (opcode < 0) {
            return h;
        }
        int id = MetaApiTable.match(opcode, h.getOwner(), h.getName(), h.getDesc(), hierarchy);
        if (id < 0) {
            return h;
        }
        MetaApi row = MetaApiTable.row(id);
        if (opcode == Opcodes.INVOKESPECIAL || row.shape() == MetaApi.Shape.DEFINE_BYTES) {
            throw new IllegalStateException(owner + " holds a method-handle constant to " + row.operation()
                    + " that the sandbox cannot guard; refused");
        }
        return wrappers.computeIfAbsent(h, k -> new Handle(Opcodes.H_INVOKESTATIC, owner,
                "$sandbox$meta$" + wrappers.size(), wrapperDesc(k), ownerIsInterface));
    }

    ConstantDynamic rewrite(ConstantDynamic c) {
        return BootstrapConstants.rewrite(c, this::rewrite, bootstrap -> { });
    }

    Object[] rewriteAll(Object[] args) {
        return BootstrapConstants.rewriteAll(args, this::rewrite, bootstrap -> { });
    }

    private static String wrapperDesc(Handle h) {
        Type type = Type.getMethodType(h.getDesc());
        List<Type> params = new ArrayList<>(List.of(type.getArgumentTypes()));
        if (h.getTag() != Opcodes.H_INVOKESTATIC) {
            params.add(0, Type.getObjectType(h.getOwner()));
        }
        return Type.getMethodDescriptor(type.getReturnType(), params.toArray(new Type[0]));
    }

    /** Emits the wrappers through {@code cv}, the rewriting class visitor, so each one's call is guarded. */
    void emitWrappers(ClassVisitor cv, int classVersion) {
        // JVMS 8 4.6: from class file 52 an interface method may be ACC_PRIVATE (javac 8 puts its lambda bodies
        // there as private static methods, called by invokestatic on an InterfaceMethodref); below 52 every interface
        // method is public abstract, so there is no place for the wrapper: refuse (fail closed)
        if (!wrappers.isEmpty() && ownerIsInterface && classVersion < Opcodes.V1_8) {
            throw new IllegalStateException("interface " + owner + " (class file " + classVersion
                    + ") refers to a reflective method handle and cannot hold a private guard method"
                    + " (interfaces below class file 52 hold no static methods)");
        }
        for (Map.Entry<Handle, Handle> e : new ArrayList<>(wrappers.entrySet())) {
            Handle target = e.getKey();
            Handle wrapper = e.getValue();
            MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    wrapper.getName(), wrapper.getDesc(), null, null);
            mv.visitCode();
            int slot = 0;
            for (Type p : Type.getArgumentTypes(wrapper.getDesc())) {
                mv.visitVarInsn(p.getOpcode(Opcodes.ILOAD), slot);
                slot += p.getSize();
            }
            int opcode = switch (target.getTag()) {
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                default -> Opcodes.INVOKEVIRTUAL;
            };
            mv.visitMethodInsn(opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
            mv.visitInsn(Type.getReturnType(wrapper.getDesc()).getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }
}
