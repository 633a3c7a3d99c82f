package sandbox.core.reflect;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import sandbox.core.weaving.BootstrapConstants;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.HandleWrappers;

/**
 * Method-handle constants that reach a meta-level member ({@code ldc} H7, condy H8 such as
 * {@code ConstantBootstraps.invoke} with a handle to {@code Method.invoke}, method references B4) are pointed at a
 * synthetic static method of the woven class whose one call is then rewritten like any other call site.
 */
final class MetaHandles {
    private final String owner;
    private final ClassHierarchy hierarchy;
    private final HandleWrappers wrappers;

    MetaHandles(String owner, boolean ownerIsInterface, ClassHierarchy hierarchy) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.wrappers = new HandleWrappers(owner, ownerIsInterface, "$sandbox$meta$", "reflective");
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
        return wrappers.wrap(h);   // static, virtual or interface: INVOKESPECIAL is refused above
    }

    ConstantDynamic rewrite(ConstantDynamic c) {
        return BootstrapConstants.rewrite(c, this::rewrite, bootstrap -> { });
    }

    Object[] rewriteAll(Object[] args) {
        return BootstrapConstants.rewriteAll(args, this::rewrite, bootstrap -> { });
    }

    /** Emits the wrappers through {@code cv}, the rewriting class visitor, so each one's call is guarded. */
    void emitWrappers(ClassVisitor cv, int classVersion) {
        wrappers.emit(cv, classVersion);
    }
}
