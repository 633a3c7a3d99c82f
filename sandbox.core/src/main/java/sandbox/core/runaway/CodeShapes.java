package sandbox.core.runaway;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * What the runaway weave must know of each method before it sees the method's first instruction: whether the body
 * is a leaf (no call, no backward branch, no {@code ret}: it ends in bounded time, so it gets no entry poll) and
 * whether it has exception handlers. Read from the raw {@code Code} attributes of the class file as shipped, one
 * linear pass over the bytes without decoding instructions into objects; the steps before the runaway step insert
 * calls only where the original already calls, so a body's leafness is the same before and after them.
 *
 * <p>A method this scan does not know (added by an earlier step, or a name and descriptor the class file repeats)
 * is treated as a non-leaf: an extra entry poll is harmless, a missing one is not. An opcode the scan does not know
 * makes the method a non-leaf too.
 */
final class CodeShapes {
    private static final int LEAF = 1;
    private static final int HANDLERS = 2;
    private static final int UNKNOWN = -1;

    private final Map<String, Integer> shapes = new HashMap<>();

    private CodeShapes() {
    }

    /** @return the shapes of the methods of {@code reader}'s class file */
    static CodeShapes of(ClassReader reader) {
        CodeShapes result = new CodeShapes();
        char[] buf = new char[reader.getMaxStringLength()];
        int at = reader.header + 6;
        at += 2 + 2 * reader.readUnsignedShort(at);   // interfaces
        int fields = reader.readUnsignedShort(at);
        at += 2;
        for (int i = 0; i < fields; i++) {
            at = skipAttributes(reader, at + 6);
        }
        int methods = reader.readUnsignedShort(at);
        at += 2;
        for (int i = 0; i < methods; i++) {
            String key = reader.readUTF8(at + 2, buf) + reader.readUTF8(at + 4, buf);
            int attributes = reader.readUnsignedShort(at + 6);
            at += 8;
            int shape = UNKNOWN;
            for (int a = 0; a < attributes; a++) {
                int length = reader.readInt(at + 2);
                if ("Code".equals(reader.readUTF8(at, buf))) {
                    shape = codeShape(reader, at + 6);
                }
                at += 6 + length;
            }
            result.shapes.merge(key, shape, (x, y) -> UNKNOWN);   // a repeated key: not known
        }
        return result;
    }

    /** @return true when the body is known to be a leaf: no call, no backward branch, no {@code ret} */
    boolean leaf(String name, String desc) {
        int shape = shapes.getOrDefault(name + desc, UNKNOWN);
        return shape != UNKNOWN && (shape & LEAF) != 0;
    }

    /** @return true when the body is a leaf without exception handlers: the runaway weave changes nothing in it */
    boolean untouched(String name, String desc) {
        return shapes.getOrDefault(name + desc, UNKNOWN) == LEAF;
    }

    private static int skipAttributes(ClassReader reader, int at) {
        int count = reader.readUnsignedShort(at);
        at += 2;
        for (int i = 0; i < count; i++) {
            at += 6 + reader.readInt(at + 2);
        }
        return at;
    }

    /** @param code offset of the Code attribute's body (max_stack) */
    private static int codeShape(ClassReader reader, int code) {
        int length = reader.readInt(code + 4);
        int start = code + 8;
        int handlers = reader.readUnsignedShort(start + length) > 0 ? HANDLERS : 0;
        return (isLeaf(reader, start, length) ? LEAF : 0) | handlers;
    }

    private static boolean isLeaf(ClassReader reader, int start, int length) {
        int pc = 0;
        while (pc < length) {
            int op = reader.readByte(start + pc);
            int size = Bytecode.size(reader, start, pc, op);
            if (size <= 0 || Bytecode.callsOrGoesBack(reader, start, pc, op)) {
                return false;
            }
            pc += size;
        }
        return true;
    }
}
