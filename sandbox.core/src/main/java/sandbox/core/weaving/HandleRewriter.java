package sandbox.core.weaving;

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

/**
 * Method-handle constants that reach a sensitive member (lambdas and method references B4, {@code ldc}
 * MethodHandle H7, arguments of dynamic constants H8 and of any bootstrap) are pointed at a synthetic static
 * method of the woven class with the same effective type. That method makes the original call, which the
 * {@link CallSiteRewriter} guards like any other call site. A JDK-spun lambda class then calls guarded code.
 */
final class HandleRewriter {
    private final String owner;
    private final boolean ownerIsInterface;
    private final CallMatcher matcher;
    private final Map<Handle, Handle> wrappers = new LinkedHashMap<>();

    HandleRewriter(String owner, boolean ownerIsInterface, CallMatcher matcher) {
        this.owner = owner;
        this.ownerIsInterface = ownerIsInterface;
        this.matcher = matcher;
    }

    Handle rewrite(Handle h) {
        if (matcher.match(h).length == 0) {
            return h;
        }
        return wrappers.computeIfAbsent(h, k -> new Handle(Opcodes.H_INVOKESTATIC, owner,
                "$sandbox$ref$" + wrappers.size(), wrapperDesc(k), ownerIsInterface));
    }

    ConstantDynamic rewrite(ConstantDynamic c) {
        return BootstrapConstants.rewrite(c, this::rewrite, this::vetBootstrap);
    }

    Object[] rewriteAll(Object[] args) {
        return BootstrapConstants.rewriteAll(args, this::rewrite, this::vetBootstrap);
    }

    private void vetBootstrap(Handle bootstrap) {
        BootstrapPolicy.check(bootstrap, matcher);
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

    /** Emits the wrapper methods; each goes through {@code cv}, so its one call is guarded. */
    void emitWrappers(ClassVisitor cv, int classVersion) {
        // JVMS 8 4.6: from class file 52 an interface method may be ACC_PRIVATE (javac 8 puts its lambda bodies
        // there as private static methods, called by invokestatic on an InterfaceMethodref); below 52 every interface
        // method is public abstract, so there is no place for the wrapper: refuse (fail closed)
        if (!wrappers.isEmpty() && ownerIsInterface && classVersion < Opcodes.V1_8) {
            throw new IllegalStateException("interface " + owner + " (class file " + classVersion
                    + ") refers to a sensitive method handle and cannot hold a private guard method"
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
