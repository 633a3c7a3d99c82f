package sandbox.core.weaving;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Tells from a class file's constant pool, before any method is read, that the guard step has nothing to rewrite
 * in it. Every call, method-handle constant and bootstrap a method body can name is an entry of the constant pool,
 * so a class is <em>quiet</em> when the pool holds no {@code MethodHandle}, {@code Dynamic} or
 * {@code InvokeDynamic} entry and no method reference that {@link CallMatcher} matches, whatever the invoke
 * instruction (static or not). The guard step then only binds the class to its policy handle and hands every other
 * method body on untouched: the class writer copies those bytes instead of decoding and re-encoding them.
 *
 * <p>Steps before the guard step insert calls only to Sandbox's own classes and {@code MethodHandles.lookup()},
 * which no row matches, and method-handle wrappers only for handles the pool already holds. Any problem while
 * scanning answers "not quiet" ({@link ConstantPoolScan}): the full rewrite then runs and
 * fails or succeeds exactly as it would have.
 */
final class QuietClasses {
    private QuietClasses() {
    }

    /** @return true when no method body of the class can hold a call or constant the guard step rewrites */
    static boolean isQuiet(ClassReader reader, CallMatcher matcher) {
        return ConstantPoolScan.quiet(reader, (tag, at, buf) -> switch (tag) {
            case ConstantPoolScan.METHOD_HANDLE, ConstantPoolScan.DYNAMIC, ConstantPoolScan.INVOKE_DYNAMIC -> true;
            case ConstantPoolScan.METHODREF, ConstantPoolScan.INTERFACE_METHODREF -> matches(reader, at, buf, matcher);
            default -> false;
        });
    }

    private static boolean matches(ClassReader reader, int at, char[] buf, CallMatcher matcher) {
        int nameAndType = reader.getItem(reader.readUnsignedShort(at + 2));
        String name = reader.readUTF8(nameAndType, buf);
        if (!matcher.mayMatch(name)) {
            return false;   // the cheap test first: most names are in no row
        }
        String owner = reader.readClass(at, buf);
        String desc = reader.readUTF8(nameAndType + 2, buf);
        return matcher.match(Opcodes.INVOKEVIRTUAL, owner, name, desc).length > 0
                || matcher.match(Opcodes.INVOKESTATIC, owner, name, desc).length > 0;
    }
}
