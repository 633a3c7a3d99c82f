package sandbox.core.weaving;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import org.junit.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import sandbox.api.IsolationLevel;
import sandbox.api.PluginPermissions;
import sandbox.core.policy.HandleRegistry;

/** The weaver and the binding fail closed (H9, H10, H11, E4). */
public class FailClosedTest {

    private static void assertRefused(Woven w, String name, byte[] bytes, String why) {
        try {
            w.weave(name, bytes);
            fail(name + " was woven");
        } catch (WeavingPipeline.WeaveFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains(why));
        }
    }

    private static byte[] classCalling(String name, int version, String owner) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "delete", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    public void referencesToSandboxPackagesAreRefused() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        try {
            w.call("RefersToGuard", "bindAsBundleZero");
            fail("a class naming the guard was loaded");
        } catch (WeavingPipeline.WeaveFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Sandbox's own package"));
        }
    }

    @Test
    public void unsupportedClassFilesAreRefused() {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertRefused(w, "hostile.samples.Old", classCalling("hostile/samples/Old", Opcodes.V1_5, "java/lang/Object"),
                "class-file version 49");
        byte[] future = classCalling("hostile/samples/Future", Opcodes.V17, "java/lang/Object");
        future[7] = (byte) 99;
        assertRefused(w, "hostile.samples.Future", future, "class-file version 99");
        assertRefused(w, "hostile.samples.Junk", new byte[] {1, 2, 3}, "not a class file");
    }

    @Test
    public void anOwnerThatCannotBeResolvedFailsTheWeave() {
        // "delete" is a sensitive name: the owner must be resolved to know whether it is File.delete
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertRefused(w, "hostile.samples.Unresolved",
                classCalling("hostile/samples/Unresolved", Opcodes.V17, "hostile/samples/NoSuchClass"),
                "cannot resolve class hostile.samples.NoSuchClass");
    }

    @Test
    public void bindingRefusesAClassOfAnotherOrNoBundle() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        try {
            HandleRegistry.bind(w.bundleId, FailClosedTest.class);   // the test's own loader is no plugin bundle (H11)
            fail("a class of no bundle was bound");
        } catch (SecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("no plugin bundle"));
        }
        Woven other = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        Class<?> ofOther = other.loadClass("hostile.samples.FileOps");
        try {
            HandleRegistry.bind(w.bundleId, ofOther);
            fail("a class of another plugin was bound");
        } catch (SecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("bundle " + other.bundleId));
        }
    }

    /** An invokedynamic whose bootstrap is a JDK method javac never emits (H6). */
    private static byte[] foreignBootstrap(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        mv.visitCode();
        mv.visitInvokeDynamicInsn("go", "()V", new org.objectweb.asm.Handle(Opcodes.H_INVOKESTATIC,
                "java/lang/invoke/CallSite", "bootstrap", "()V", false));
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    public void onlyKnownJdkBootstrapsAreAccepted() throws Throwable {
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.NONE, null);
        assertRefused(w, "hostile.samples.Indy", foreignBootstrap("hostile/samples/Indy"), "is not one a plugin may use");
        w.weave("hostile.samples.SystemOps", readSample("hostile/samples/SystemOps"));   // lambdas: LambdaMetafactory
    }

    private static byte[] readSample(String name) throws java.io.IOException {
        try (var in = FailClosedTest.class.getClassLoader().getResourceAsStream(name + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    public void aPluginCannotChangeItsOwnPolicyThroughItsHandle() throws Throwable {
        // even with reflection granted (setAccessible is a REFLECTION row), the handle refuses a caller that is not Sandbox
        Woven w = new Woven(IsolationLevel.STANDARD, PluginPermissions.parse("reflection;target=*"), null);
        try {
            w.call("SelfPromote", "run");
            fail("a plugin lowered its own level");
        } catch (SecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("hostile.samples.SelfPromote"));
        }
        assertEquals(IsolationLevel.STANDARD, w.handle.level());
    }

    @Test
    public void everyRowFitsItsDescriptor() {
        for (SensitiveApi row : SensitiveApiTable.INSTANCE.rows()) {
            if (!row.descriptor().equals(SensitiveApi.ANY)) {
                int opcode = row.target().isReceiver() ? Opcodes.INVOKEVIRTUAL : Opcodes.INVOKESTATIC;
                RowShape.check(row, row.name().equals("<init>") ? Opcodes.INVOKESPECIAL : opcode, row.descriptor());
            }
        }
        assertTrue(SensitiveApiTable.INSTANCE.rows().size() > 300);
        assertTrue(List.of("files", "network", "system", "jvm-global", "threads").stream()
                .allMatch(SensitiveApiTable.INSTANCE.sources()::contains));
    }
}
