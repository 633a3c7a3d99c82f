package sandbox.core.weaving;

import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.After;
import org.junit.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.ViolationReporter;

/**
 * Sensitive calls with no invoke instruction naming them (H7, H8): classes generated here the way a hostile
 * class-file producer would write them, then woven and run.
 */
public class HandleConstantTest {
    private static final Handle SET_PROPERTY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "setProperty",
            "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);

    @After
    public void tearDown() {
        ViolationReporter.connect(null);
        System.clearProperty("sandbox.test.ldc");
        System.clearProperty("sandbox.test.condy");
    }

    /** {@code ldc MethodHandle System.setProperty} then {@code invokeExact}: H7. */
    static byte[] ldcMethodHandle(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;", null,
                new String[] {"java/lang/Throwable"});
        mv.visitCode();
        mv.visitLdcInsn(SET_PROPERTY);
        mv.visitLdcInsn("sandbox.test.ldc");
        mv.visitLdcInsn("set");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code ldc} of a dynamic constant whose bootstrap is ConstantBootstraps.invoke(System.setProperty, ...): H8. */
    static byte[] condy(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;"
                        + "[Ljava/lang/Object;)Ljava/lang/Object;", false);
        mv.visitLdcInsn(new ConstantDynamic("x", "Ljava/lang/String;", invoke, SET_PROPERTY, "sandbox.test.condy", "set"));
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    public void ldcMethodHandleIsGuarded() throws Throwable {
        RecordingViolations v = RecordingViolations.connect();
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null)
                .with("hostile.samples.LdcMH", ldcMethodHandle("hostile/samples/LdcMH"));
        try {
            w.call("LdcMH", "run");
            fail("ldc MethodHandle reached System.setProperty");
        } catch (SandboxDeniedException expected) {
            assertNull(System.getProperty("sandbox.test.ldc"));
            assertTrue(v.last().operation().contains("setProperty"));
        }
    }

    @Test
    public void dynamicConstantIsGuarded() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null)
                .with("hostile.samples.Condy", condy("hostile/samples/Condy"));
        try {
            w.call("Condy", "run");
            fail("a dynamic constant reached System.setProperty");
        } catch (BootstrapMethodError e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof SandboxDeniedException);
        }
        assertNull(System.getProperty("sandbox.test.condy"));
    }

    @Test
    public void grantedHandleStillWorks() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.parse("property;target=sandbox.test.ldc;actions=write"), null)
                .with("hostile.samples.LdcMH", ldcMethodHandle("hostile/samples/LdcMH"));
        w.call("LdcMH", "run");
        assertTrue("set".equals(System.getProperty("sandbox.test.ldc")));
    }
}
