package sandbox.core.weaving;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What weaving needs to know of a class: its supertypes and the methods it declares.
 *
 * @param name internal name
 * @param superName internal name of the superclass, {@code null} for {@code java/lang/Object} and interfaces' none
 * @param interfaces direct superinterfaces
 * @param isInterface true for interfaces
 * @param jdk true when the class is the JDK's (read through the platform loader), false for plugin or library code
 * @param methods declared methods as {@code name + descriptor}
 */
record ClassInfo(String name, String superName, List<String> interfaces, boolean isInterface, boolean jdk,
                 Set<String> methods) {

    /** @return true when the class declares {@code name desc} */
    boolean declares(String methodName, String desc) {
        return methods.contains(methodName + desc);
    }

    /** Parses only the header and method declarations of a class file (no code). */
    static ClassInfo parse(byte[] bytes, boolean jdk) {
        ClassReader reader = new ClassReader(bytes);
        Set<String> methods = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String n, String d, String s, String[] e) {
                methods.add(n + d);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, jdk, Set.copyOf(methods));
    }
}
