package sandbox.core.reflect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.TraceClassVisitor;
import sandbox.core.runaway.RunawayTransform;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.ClassTransform;
import sandbox.core.weaving.CommonsLangWeavingTest;
import sandbox.core.weaving.GuardTransform;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.WeaveContext;
import sandbox.core.weaving.WeavingPipeline;

/**
 * The reflection step's constant-pool pre-check: quiet only when the full rewrite would change nothing, and then
 * the hook's pipeline weaves the same code as without the check (every class of a real library compared).
 */
public class MetaQuietClassesTest {
    private static final ClassHierarchy JDK_ONLY = new ClassHierarchy(name -> null);

    @Test
    public void aClassOfPlainCallsIsQuietEvenWhenANameIsAMetaMembersName() {
        // Map.get shares its name with Field.get: the row does not match, the class stays quiet
        assertTrue(quiet(mv -> call(mv, Opcodes.INVOKEINTERFACE, "java/util/Map", "get", "(Ljava/lang/Object;)Ljava/lang/Object;", true)));
    }

    @Test
    public void aMetaCallAnyHandleOrAForbiddenOrWeaverNameIsNotQuiet() {
        assertFalse(quiet(mv -> call(mv, Opcodes.INVOKEVIRTUAL, "java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false)));
        assertFalse(quiet(mv -> call(mv, Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", false)));
        assertFalse(quiet(mv -> mv.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false))));
        assertFalse(quiet(mv -> mv.visitTypeInsn(Opcodes.ANEWARRAY, "sun/misc/Unsafe")));
        assertFalse(quiet(mv -> mv.visitTypeInsn(Opcodes.ANEWARRAY, "[Ljdk/internal/misc/Unsafe;")));
        assertFalse(quiet(mv -> mv.visitFieldInsn(Opcodes.GETSTATIC, "gen/Sample", "$sandbox$handle", "Ljava/lang/Object;")));
        assertFalse(quiet(mv -> mv.visitFieldInsn(Opcodes.GETSTATIC, "gen/Other", "x", "Lsun/reflect/ReflectionFactory;")));
        assertFalse(quiet(mv -> call(mv, Opcodes.INVOKESTATIC, "gen/Sample", "$sandbox$meta$0", "()V", false)));
    }

    @Test
    public void anOwnerThatCannotBeResolvedMeansTheFullRewrite() {
        // a meta member's name on a class the hierarchy cannot read: may be a subclass of anything (fail closed)
        assertFalse(quiet(mv -> call(mv, Opcodes.INVOKEVIRTUAL, "gen/Unknown", "loadClass",
                "(Ljava/lang/String;)Ljava/lang/Class;", false)));
    }

    @Test
    public void theHooksPipelineWeavesTheSameCodeWithAndWithoutTheCheck() throws IOException {
        Map<String, byte[]> library = CommonsLangWeavingTest.library();
        WeavingPipeline checked = pipeline(new MetaTransform());
        WeavingPipeline full = pipeline(new MetaTransform(false));
        int quiet = 0;
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : library.entrySet()) {
            ClassHierarchy hierarchy = new ClassHierarchy(library::get);
            if (MetaQuietClasses.isQuiet(new ClassReader(e.getValue()), hierarchy)) {
                quiet++;
            }
            String name = e.getKey().replace('/', '.');
            String a = text(checked.weave(e.getValue(), new WeaveContext(name, 1, "test.quiet", hierarchy)));
            String b = text(full.weave(e.getValue(), new WeaveContext(name, 1, "test.quiet", hierarchy)));
            if (!a.equals(b)) {
                different.add(name);
            }
        }
        assertEquals("classes woven differently", List.of(), different);
        assertTrue("most classes of the library are quiet for the reflection step: " + quiet, quiet > library.size() / 2);
    }

    private static WeavingPipeline pipeline(MetaTransform meta) {
        RunawayTransform runaway = new RunawayTransform();
        List<ClassTransform> steps = List.of(meta, new GuardTransform(SensitiveApiTable.INSTANCE), (next, ctx) -> {
            ctx.addDynamicImport(RunawayTransform.POLL_PACKAGE);
            return runaway.wrap(next, ctx.pluginId(), ctx.original());
        });
        return new WeavingPipeline(steps);
    }

    private static String text(byte[] woven) {
        StringWriter out = new StringWriter();
        new ClassReader(woven).accept(new TraceClassVisitor(new PrintWriter(out)), 0);
        return out.toString();
    }

    private interface Body {
        void emit(MethodVisitor mv);
    }

    private static void call(MethodVisitor mv, int opcode, String owner, String name, String desc, boolean itf) {
        mv.visitMethodInsn(opcode, owner, name, desc, itf);
    }

    /** @return whether a class whose one method holds {@code body} (never run, only its constant pool matters) is quiet */
    private static boolean quiet(Body body) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/Sample", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()V", null, null);
        mv.visitCode();
        body.emit(mv);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(8, 8);
        mv.visitEnd();
        cw.visitEnd();
        return MetaQuietClasses.isQuiet(new ClassReader(cw.toByteArray()), JDK_ONLY);
    }
}
