package sandbox.itests.framework;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import sandbox.itests.FixtureJars;

/**
 * The E6 variant-2 fixture of {@link ExtensionBundleIT}, written on the test driver's side with ASM: a framework
 * extension fragment whose {@code ExtensionBundle-Activator} (a class that exists only in this jar, so the framework
 * can load it only if the jar joined its class path) sets {@value #ACTIVATOR_RAN} when started, plus a marker
 * resource {@value #MARKER}.
 */
final class ExtensionJar {
    static final String BSN = "hostile.e6.extension";
    static final String MARKER = "sandbox-itest-e6-extension.marker";
    static final String ACTIVATOR_RAN = "sandbox.itest.e6.activator";
    private static final String ACTIVATOR = "hostile/e6/ExtensionActivator";

    private ExtensionJar() {
    }

    static Path write(Path target) throws IOException {
        Manifest m = FixtureJars.bundleManifest(BSN);
        Attributes a = m.getMainAttributes();
        a.putValue("Fragment-Host", "system.bundle; extension:=framework");
        a.putValue("ExtensionBundle-Activator", ACTIVATOR.replace('/', '.'));
        Files.createDirectories(target.getParent());
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file, m)) {
            jar.putNextEntry(new JarEntry(MARKER));
            jar.write("on the framework class path".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            jar.putNextEntry(new JarEntry(ACTIVATOR + ".class"));
            jar.write(activator());
            jar.closeEntry();
        }
        return target;
    }

    /** {@code public class ExtensionActivator implements BundleActivator}: start sets the property, stop does nothing. */
    private static byte[] activator() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(61, ACC_PUBLIC | ACC_SUPER, ACTIVATOR, null, "java/lang/Object", new String[] {"org/osgi/framework/BundleActivator"});
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor start = cw.visitMethod(ACC_PUBLIC, "start", "(Lorg/osgi/framework/BundleContext;)V", null, null);
        start.visitCode();
        start.visitLdcInsn(ACTIVATOR_RAN);
        start.visitLdcInsn("ran");
        start.visitMethodInsn(INVOKESTATIC, "java/lang/System", "setProperty", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
        start.visitInsn(POP);
        start.visitInsn(RETURN);
        start.visitMaxs(0, 0);
        start.visitEnd();
        MethodVisitor stop = cw.visitMethod(ACC_PUBLIC, "stop", "(Lorg/osgi/framework/BundleContext;)V", null, null);
        stop.visitCode();
        stop.visitInsn(RETURN);
        stop.visitMaxs(0, 0);
        stop.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
