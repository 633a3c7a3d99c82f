package sandbox.core.reflect;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Plugin classes javac cannot write: a custom bootstrap (H6), {@code ldc} of a handle (H7) and of a dynamic constant (H8). */
final class GeneratedClasses {
    static final String INDY = "reflsamples.gen.IndyBootstrap";
    static final String LDC = "reflsamples.gen.LdcMethodInvoke";
    static final String CONDY = "reflsamples.gen.CondyForName";
    private static final String LOOKUP = "Ljava/lang/invoke/MethodHandles$Lookup;";
    private static final String SET = "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;";

    private GeneratedClasses() {
    }

    /**
     * {@code run(a, b)} is one {@code invokedynamic} whose bootstrap is the class's own {@code bsm}: the JVM hands it a
     * full-privilege Lookup, and it returns a call site on {@code System.setProperty}.
     */
    static byte[] indyBootstrap() {
        String owner = INDY.replace('.', '/');
        ClassWriter cw = start(owner);
        String bsmDesc = "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
        MethodVisitor bsm = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "bsm", bsmDesc, null,
                new String[] {"java/lang/Exception"});
        bsm.visitCode();
        bsm.visitTypeInsn(Opcodes.NEW, "java/lang/invoke/ConstantCallSite");
        bsm.visitInsn(Opcodes.DUP);
        bsm.visitVarInsn(Opcodes.ALOAD, 0);
        bsm.visitLdcInsn(Type.getObjectType("java/lang/System"));
        bsm.visitLdcInsn("setProperty");
        bsm.visitVarInsn(Opcodes.ALOAD, 2);
        bsm.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandles$Lookup", "findStatic",
                "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;", false);
        bsm.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/invoke/ConstantCallSite", "<init>",
                "(Ljava/lang/invoke/MethodHandle;)V", false);
        bsm.visitInsn(Opcodes.ARETURN);
        bsm.visitMaxs(0, 0);
        bsm.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", SET, null, null);
        run.visitCode();
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitVarInsn(Opcodes.ALOAD, 1);
        run.visitInvokeDynamicInsn("set", SET, new Handle(Opcodes.H_INVOKESTATIC, owner, "bsm", bsmDesc, false));
        run.visitInsn(Opcodes.ARETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return end(cw);
    }

    /** {@code run(m, args)}: {@code ldc MethodHandle Method.invoke} then {@code invokeExact}; no invoke names Method. */
    static byte[] ldcMethodInvoke() {
        ClassWriter cw = start(LDC.replace('.', '/'));
        String desc = "(Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;";
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", desc, null,
                new String[] {"java/lang/Throwable"});
        run.visitCode();
        run.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false));
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitInsn(Opcodes.ACONST_NULL);
        run.visitVarInsn(Opcodes.ALOAD, 1);
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                "(Ljava/lang/reflect/Method;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        run.visitInsn(Opcodes.ARETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return end(cw);
    }

    /**
     * {@code run()} is one {@code ldc} of a dynamic constant (H8): {@code ConstantBootstraps.invoke} calls
     * {@code Class.forName(module, name)} from JDK code during constant resolution, with the module of
     * {@code java.base} (itself a nested dynamic constant) and {@code jdk.internal.misc.Unsafe}.
     */
    static byte[] condyForName() {
        ClassWriter cw = start(CONDY.replace('.', '/'));
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)"
                        + "Ljava/lang/Object;", false);
        ConstantDynamic module = new ConstantDynamic("module", "Ljava/lang/Module;", invoke,
                new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Class", "getModule", "()Ljava/lang/Module;", false),
                Type.getType("Ljava/lang/Object;"));
        ConstantDynamic unsafe = new ConstantDynamic("unsafe", "Ljava/lang/Class;", invoke,
                new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/Module;Ljava/lang/String;)Ljava/lang/Class;", false),
                module, "jdk.internal.misc.Unsafe");
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;", null, null);
        run.visitCode();
        run.visitLdcInsn(unsafe);
        run.visitInsn(Opcodes.ARETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return end(cw);
    }

    /**
     * An interface of class file {@code version} (javac 8 writes 52) whose static {@code run(method, args)} calls
     * through an {@code ldc} handle to {@code Method.invoke} (the reflection step's wrapper) and whose default
     * {@code set(key, value)} through an {@code ldc} handle to {@code System.setProperty} (the guard step's wrapper):
     * both wrappers must be private static methods of the interface.
     */
    static byte[] ldcInterface(String name, int version) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT, name.replace('.', '/'),
                null, "java/lang/Object", null);
        String desc = "(Ljava/lang/reflect/Method;[Ljava/lang/Object;)Ljava/lang/Object;";
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", desc, null, null);
        run.visitCode();
        run.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false));
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitInsn(Opcodes.ACONST_NULL);
        run.visitVarInsn(Opcodes.ALOAD, 1);
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                "(Ljava/lang/reflect/Method;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        run.visitInsn(Opcodes.ARETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        MethodVisitor set = cw.visitMethod(Opcodes.ACC_PUBLIC, "set", SET, null, null);
        set.visitCode();
        set.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "setProperty", SET, false));
        set.visitVarInsn(Opcodes.ALOAD, 1);
        set.visitVarInsn(Opcodes.ALOAD, 2);
        set.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", SET, false);
        set.visitInsn(Opcodes.ARETURN);
        set.visitMaxs(0, 0);
        set.visitEnd();
        return end(cw);
    }

    private static ClassWriter start(String owner) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, owner, null,
                "java/lang/Object", null);
        return cw;
    }

    private static byte[] end(ClassWriter cw) {
        cw.visitEnd();
        return cw.toByteArray();
    }
}
