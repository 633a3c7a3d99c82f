package sandbox.itests.weaving;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.JSR;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RET;
import static org.objectweb.asm.Opcodes.RETURN;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import sandbox.itests.FixtureJars;

/**
 * Writes the {@code WeaverEdgeIT} plugin jar with ASM, on the test driver's side (ASM is on the failsafe class path,
 * not in the container): {@link EdgePlugin} and bytecode javac cannot emit. Every generated class is a public
 * {@code java.util.concurrent.Callable} whose {@code call()} sets one system property (a sensitive call that leaves
 * a trace when it runs unguarded):
 * <ul>
 *   <li>{@code edge.LdcHandle} (H7): {@code ldc} of a {@code CONSTANT_MethodHandle} to {@code System.setProperty},
 *       then {@code invokeExact};</li>
 *   <li>{@code edge.Condy}, {@code edge.CondyGranted} (H8): {@code ldc} of a dynamic constant whose bootstrap is
 *       {@code ConstantBootstraps.invoke} with that handle (two classes: a failed constant resolution is final);</li>
 *   <li>{@code edge.NewVersion} (H9): class-file version 70, newer than the weaver supports;</li>
 *   <li>{@code edge.OldJsr} (H9): version 49 with {@code JSR}/{@code RET} (the JVM would run it);
 *       {@code edge.Jsr50}: the same at version 50, the last that allows them, which the weaver reads;</li>
 *   <li>{@code edge.Huge} (H9): one method of 8,000 {@code System.setProperty} calls, about 64,000 bytes: valid,
 *       but the woven method would pass the 65,535-byte limit;</li>
 *   <li>{@code edge.Next}: an ordinary class, loaded after the refusals, that must still be woven;</li>
 *   <li>resources {@code edge/HiddenSetter.bin} (a class {@code sandbox.itests.weaving.HiddenSetter}, defined as a
 *       hidden class next to {@link EdgePlugin}) and {@code edge/OwnSetter.bin} (class {@code edge.own.OwnSetter},
 *       defined by the plugin's own class loader) (H11).</li>
 * </ul>
 */
public final class EdgeBundle {
    /** The plugin's symbolic name. */
    public static final String BSN = "itest.weaver.edge";
    /** System properties the generated classes set, by class. */
    public static final String H7 = "sandbox.itest.h7";
    public static final String H8 = "sandbox.itest.h8";
    public static final String H9_VERSION = "sandbox.itest.h9.version";
    public static final String H9_JSR = "sandbox.itest.h9.jsr";
    public static final String H9_HUGE = "sandbox.itest.h9.huge";
    public static final String NEXT = "sandbox.itest.h9.next";
    public static final String H11_HIDDEN = "sandbox.itest.h11.hidden";
    public static final String H11_OWN = "sandbox.itest.h11.own";

    private static final String CALLABLE = "java/util/concurrent/Callable";
    private static final String SYSTEM = "java/lang/System";
    private static final String SET_PROPERTY = "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;";
    private static final int V17 = 61;
    private static final Handle SET_PROPERTY_HANDLE = new Handle(H_INVOKESTATIC, SYSTEM, "setProperty", SET_PROPERTY, false);
    private static final Handle CONSTANT_INVOKE = new Handle(H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;"
                    + "[Ljava/lang/Object;)Ljava/lang/Object;", false);

    private EdgeBundle() {
    }

    /** Writes the plugin jar (if not there yet) and returns it. */
    public static Path write(Path target) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("edge/LdcHandle.class", callable("edge/LdcHandle", V17, m -> {
            m.visitLdcInsn(SET_PROPERTY_HANDLE);
            m.visitLdcInsn(H7);
            m.visitLdcInsn("ldc-methodhandle");
            m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", SET_PROPERTY, false);
            m.visitInsn(ARETURN);
        }));
        for (String name : new String[] {"edge/Condy", "edge/CondyGranted"}) {
            entries.put(name + ".class", callable(name, V17, m -> {
                m.visitLdcInsn(new ConstantDynamic("x", "Ljava/lang/String;", CONSTANT_INVOKE, SET_PROPERTY_HANDLE, H8, "condy"));
                m.visitInsn(ARETURN);
            }));
        }
        entries.put("edge/NewVersion.class", callable("edge/NewVersion", 70, m -> setProperty(m, H9_VERSION)));
        entries.put("edge/OldJsr.class", callable("edge/OldJsr", 49, EdgeBundle::subroutine));
        entries.put("edge/Jsr50.class", callable("edge/Jsr50", 50, EdgeBundle::subroutine));
        entries.put("edge/Huge.class", callable("edge/Huge", V17, m -> {
            for (int i = 0; i < 8_000; i++) {
                m.visitLdcInsn(H9_HUGE);
                m.visitLdcInsn("ran");
                m.visitMethodInsn(INVOKESTATIC, SYSTEM, "setProperty", SET_PROPERTY, false);
                m.visitInsn(POP);
            }
            m.visitInsn(ACONST_NULL);
            m.visitInsn(ARETURN);
        }));
        entries.put("edge/Next.class", callable("edge/Next", V17, m -> setProperty(m, NEXT)));
        entries.put("edge/HiddenSetter.bin", callable("sandbox/itests/weaving/HiddenSetter", V17, m -> setProperty(m, H11_HIDDEN)));
        entries.put("edge/OwnSetter.bin", callable("edge/own/OwnSetter", V17, m -> setProperty(m, H11_OWN)));

        Manifest manifest = FixtureJars.bundleManifest(BSN);
        Attributes a = manifest.getMainAttributes();
        a.putValue("Bundle-Activator", EdgePlugin.class.getName());
        a.putValue("Import-Package", "org.osgi.framework,sandbox.api");
        Files.createDirectories(target.getParent());
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Class<?> c : new Class<?>[] {EdgePlugin.class, EdgePlugin.Definer.class}) {
                FixtureJars.addClass(jar, c.getName());
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return target;
    }

    /** {@code call()} that sets {@link #H9_JSR} in a JSR/RET subroutine (legal up to class-file version 50). */
    private static void subroutine(MethodVisitor m) {
        Label sub = new Label();
        m.visitJumpInsn(JSR, sub);
        m.visitInsn(ACONST_NULL);
        m.visitInsn(ARETURN);
        m.visitLabel(sub);
        m.visitVarInsn(ASTORE, 1);
        m.visitLdcInsn(H9_JSR);
        m.visitLdcInsn("ran");
        m.visitMethodInsn(INVOKESTATIC, SYSTEM, "setProperty", SET_PROPERTY, false);
        m.visitInsn(POP);
        m.visitVarInsn(RET, 1);
    }

    private static void setProperty(MethodVisitor m, String property) {
        m.visitLdcInsn(property);
        m.visitLdcInsn("ran");
        m.visitMethodInsn(INVOKESTATIC, SYSTEM, "setProperty", SET_PROPERTY, false);
        m.visitInsn(ARETURN);
    }

    /** A public class implementing Callable with a public no-argument constructor and the given {@code call()} body. */
    private static byte[] callable(String internalName, int version, Consumer<MethodVisitor> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(version, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object", new String[] {CALLABLE});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor call = cw.visitMethod(ACC_PUBLIC, "call", "()Ljava/lang/Object;", null, null);
        call.visitCode();
        body.accept(call);
        call.visitMaxs(0, 0);
        call.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
