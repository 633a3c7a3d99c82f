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
 * scanning (an owner that cannot be resolved, for instance) answers "not quiet": the full rewrite then runs and
 * fails or succeeds exactly as it would have.
 */
final class QuietClasses {
    private static final int METHOD_HANDLE = 15;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;

    private QuietClasses() {
    }

    /** @return true when no method body of the class can hold a call or constant the guard step rewrites */
    static boolean isQuiet(ClassReader reader, CallMatcher matcher) {
        try {
            char[] buf = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int at = reader.getItem(i);
                if (at == 0) {
                    continue;   // the unusable slot after a long or double
                }
                int tag = reader.readByte(at - 1);
                if (tag == METHOD_HANDLE || tag == DYNAMIC || tag == INVOKE_DYNAMIC) {
                    return false;
                }
                if ((tag == METHODREF || tag == INTERFACE_METHODREF) && matches(reader, at, buf, matcher)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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
