package sandbox.core.weaving;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Checks a plugin class as the plugin shipped it, before any step runs.
 * <ul>
 * <li>Class-file version: below 50 (Java 6) may hold JSR/RET and has no stack maps; above the newest version the
 * weaver knows it may hold constructs the weaver cannot see (H9). Both are refused.</li>
 * <li>No reference to Sandbox's own packages (H10): woven code may call the guard only where the weaver put the
 * call. The test is on the raw bytes of the constant pool, where every name a class file can use lives (class
 * references, descriptors, member names and string constants, i.e. names for reflection; code and attributes
 * only hold indexes into it), so all are caught: every such name is ASCII, and modified UTF-8 stores ASCII as
 * itself.</li>
 * </ul>
 */
final class OriginalClassCheck {
    static final int MIN_VERSION = Opcodes.V1_6;
    static final int MAX_VERSION = Opcodes.V25;
    private static final byte[][] FORBIDDEN = {
        "sandbox/core/".getBytes(StandardCharsets.US_ASCII),
        "sandbox.core.".getBytes(StandardCharsets.US_ASCII),
    };

    private OriginalClassCheck() {
    }

    /**
     * @return the parsed class, once the checks passed
     * @throws IllegalStateException naming why the class is refused
     */
    static ClassReader read(String className, byte[] bytes) {
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0xCA || (bytes[1] & 0xFF) != 0xFE
                || (bytes[2] & 0xFF) != 0xBA || (bytes[3] & 0xFF) != 0xBE) {
            throw new IllegalStateException(className + " is not a class file");
        }
        int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        if (major < MIN_VERSION || major > MAX_VERSION) {
            throw new IllegalStateException(className + " has class-file version " + major + "; the weaver accepts "
                    + MIN_VERSION + " to " + MAX_VERSION);
        }
        ClassReader reader = new ClassReader(bytes);
        for (byte[] needle : FORBIDDEN) {
            if (indexOf(bytes, reader.header, needle) >= 0) {
                throw new IllegalStateException(className + " refers to Sandbox's own package "
                        + new String(needle, StandardCharsets.US_ASCII) + "*; plugins may not");
            }
        }
        return reader;
    }

    /** @param end where the constant pool ends (the class's access flags) */
    private static int indexOf(byte[] hay, int end, byte[] needle) {
        outer:
        for (int i = 10; i <= end - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
