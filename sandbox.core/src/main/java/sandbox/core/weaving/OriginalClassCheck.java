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
    private static final String[] FORBIDDEN = {"sandbox/core/", "sandbox.core."};

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
        // one byte per char, so String.indexOf searches the bytes: JDK code the JIT has compiled long before the
        // first plugin class arrives, where a loop of our own would run interpreted for the first classes woven
        String pool = new String(bytes, 10, reader.header - 10, StandardCharsets.ISO_8859_1);
        for (String needle : FORBIDDEN) {
            if (pool.contains(needle)) {
                throw new IllegalStateException(className + " refers to Sandbox's own package " + needle
                        + "*; plugins may not");
            }
        }
        return reader;
    }
}
