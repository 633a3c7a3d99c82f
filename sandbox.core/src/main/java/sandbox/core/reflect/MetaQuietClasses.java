package sandbox.core.reflect;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import sandbox.core.weaving.ClassHierarchy;
import sandbox.core.weaving.ConstantPoolScan;

/**
 * Tells from a class file's constant pool, before any method is read, that the reflection step has nothing to do in
 * its method bodies (the counterpart of the guard step's {@code QuietClasses}). Everything {@link MetaCallRewriter}
 * looks at is a constant-pool entry: the owner, name and descriptor of every call and field access, every type an
 * instruction names, every method-handle constant, dynamic constant and {@code invokedynamic}. A class is
 * <em>quiet</em> when its pool holds
 * <ul>
 *   <li>no {@code MethodHandle}, {@code Dynamic} or {@code InvokeDynamic} entry (they would be vetted and maybe
 *       pointed at wrappers; a lambda's bootstrap {@code LambdaMetafactory.metafactory} is itself a meta member);</li>
 *   <li>no class name in a forbidden package ({@link Forbidden}: the body would be refused);</li>
 *   <li>no field or method reference whose name is the weaver's ({@code $sandbox$*}), or whose descriptor names a
 *       forbidden class (field references);</li>
 *   <li>no method reference that {@link MetaApiTable} matches, as a static call or not.</li>
 * </ul>
 * Then the step hands every method body on untouched, and the class writer can copy it as bytes. The class-level
 * checks (super types, declared member names) still run. Any problem while scanning answers "not quiet": the full
 * rewrite then runs and refuses or succeeds exactly as it would have (fail closed).
 */
final class MetaQuietClasses {
    private MetaQuietClasses() {
    }

    /** @return true when no method body of the class holds anything the reflection step checks or rewrites */
    static boolean isQuiet(ClassReader reader, ClassHierarchy hierarchy) {
        return ConstantPoolScan.quiet(reader, (tag, at, buf) -> switch (tag) {
            case ConstantPoolScan.METHOD_HANDLE, ConstantPoolScan.DYNAMIC, ConstantPoolScan.INVOKE_DYNAMIC -> true;
            case ConstantPoolScan.CLASS -> Forbidden.isForbiddenType(reader.readUTF8(at, buf));
            case ConstantPoolScan.FIELDREF -> fieldIsLoud(reader, at, buf);
            case ConstantPoolScan.METHODREF, ConstantPoolScan.INTERFACE_METHODREF -> methodIsLoud(reader, at, buf, hierarchy);
            default -> false;
        });
    }

    private static boolean fieldIsLoud(ClassReader reader, int at, char[] buf) {
        int nameAndType = reader.getItem(reader.readUnsignedShort(at + 2));
        return Forbidden.isWeaverMember(reader.readUTF8(nameAndType, buf))
                || Forbidden.isForbiddenType(reader.readUTF8(nameAndType + 2, buf));
    }

    private static boolean methodIsLoud(ClassReader reader, int at, char[] buf, ClassHierarchy hierarchy) {
        int nameAndType = reader.getItem(reader.readUnsignedShort(at + 2));
        String name = reader.readUTF8(nameAndType, buf);
        if (Forbidden.isWeaverMember(name)) {
            return true;
        }
        if (!MetaApiTable.mayMatch(name)) {
            return false;   // the cheap test first: most names are in no row
        }
        String owner = reader.readClass(at, buf);
        String desc = reader.readUTF8(nameAndType + 2, buf);
        return MetaApiTable.match(Opcodes.INVOKEVIRTUAL, owner, name, desc, hierarchy) >= 0
                || MetaApiTable.match(Opcodes.INVOKESTATIC, owner, name, desc, hierarchy) >= 0;
    }
}
