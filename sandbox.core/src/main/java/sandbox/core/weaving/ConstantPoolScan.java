package sandbox.core.weaving;

import org.objectweb.asm.ClassReader;

/**
 * Walks a class file's constant pool before any method is read, for the steps' "quiet class" pre-checks
 * ({@code QuietClasses} for the guard step, {@code MetaQuietClasses} for the reflection step): every call, field
 * access, type, method-handle constant and bootstrap a method body can name is an entry of the pool, so a class
 * whose pool holds nothing a step looks at has method bodies the step may hand on untouched.
 */
public final class ConstantPoolScan {
    /** Constant-pool tags (JVMS 4.4) the pre-checks look at. */
    public static final int CLASS = 7;
    public static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;
    public static final int METHOD_HANDLE = 15;
    public static final int DYNAMIC = 17;
    public static final int INVOKE_DYNAMIC = 18;

    /** What a step looks at in one entry. */
    @FunctionalInterface
    public interface EntryTest {
        /**
         * @param tag the entry's tag
         * @param at the entry's offset, as {@link ClassReader#getItem} gives it
         * @param buf a buffer for {@link ClassReader#readUTF8}, large enough for every string of the class
         * @return whether the step has something to do with this entry
         */
        boolean loud(int tag, int at, char[] buf);
    }

    private ConstantPoolScan() {
    }

    /**
     * @return true when no entry is loud. Any problem while scanning (an owner that cannot be resolved, a malformed
     *         pool) answers false: the step's full rewrite then runs and fails or succeeds as it would have (fail
     *         closed)
     */
    public static boolean quiet(ClassReader reader, EntryTest test) {
        try {
            char[] buf = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int at = reader.getItem(i);
                if (at != 0 && test.loud(reader.readByte(at - 1), at, buf)) {   // 0: the unusable slot after a long or double
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
