package sandbox.core.runaway;

import org.objectweb.asm.ClassReader;

/**
 * Instruction sizes and the two facts {@link CodeShapes} needs of raw JVM bytecode (JVMS chapter 6): does an
 * instruction call (the five invoke opcodes), and does it branch backwards (a branch or switch target at or before
 * the instruction, or {@code ret}). Offsets are relative to the start of the code array.
 */
final class Bytecode {
    private Bytecode() {
    }

    /** @return the instruction's size in bytes, or 0 for an opcode the JVM does not define */
    static int size(ClassReader r, int code, int pc, int op) {
        if (op <= 0x0f || (op >= 0x1a && op <= 0x35) || (op >= 0x3b && op <= 0x83) || (op >= 0x85 && op <= 0x98)
                || (op >= 0xac && op <= 0xb1) || op == 0xbe || op == 0xbf || op == 0xc2 || op == 0xc3) {
            return 1;
        }
        switch (op) {
            case 0x10, 0x12, 0xa9, 0xbc:                    // bipush, ldc, ret, newarray
            case 0x15, 0x16, 0x17, 0x18, 0x19:              // xload
            case 0x36, 0x37, 0x38, 0x39, 0x3a:              // xstore
                return 2;
            case 0x11, 0x13, 0x14, 0x84, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7:
                return 3;
            case 0xc5:                                      // multianewarray
                return 4;
            case 0xb9, 0xba, 0xc8, 0xc9:                    // invokeinterface, invokedynamic, goto_w, jsr_w
                return 5;
            case 0xc4:                                      // wide
                return r.readByte(code + pc + 1) == 0x84 ? 6 : 4;
            case 0xaa: {                                    // tableswitch
                int at = padded(pc);
                int low = r.readInt(code + at + 4);
                int high = r.readInt(code + at + 8);
                return at + 12 + 4 * (high - low + 1) - pc;
            }
            case 0xab: {                                    // lookupswitch
                int at = padded(pc);
                return at + 8 + 8 * r.readInt(code + at + 4) - pc;
            }
            default:
                if (op >= 0x99 && op <= 0xa8) {             // if*, goto, jsr
                    return 3;
                }
                return 0;
        }
    }

    /** @return true when the instruction calls a method or may jump to itself or an earlier instruction */
    static boolean callsOrGoesBack(ClassReader r, int code, int pc, int op) {
        if (op >= 0xb6 && op <= 0xba) {
            return true;
        }
        if ((op >= 0x99 && op <= 0xa8) || op == 0xc6 || op == 0xc7) {
            return r.readShort(code + pc + 1) <= 0;
        }
        if (op == 0xc8 || op == 0xc9) {
            return r.readInt(code + pc + 1) <= 0;
        }
        if (op == 0xa9 || (op == 0xc4 && r.readByte(code + pc + 1) == 0xa9)) {   // ret, wide ret
            return true;
        }
        if (op == 0xaa) {
            int at = padded(pc);
            int targets = r.readInt(code + at + 8) - r.readInt(code + at + 4) + 1;
            return anyBack(r, code, at, 1 + 2, targets, 4);
        }
        if (op == 0xab) {
            int at = padded(pc);
            return r.readInt(code + at) <= 0 || anyBack(r, code, at + 8 + 4, 0, r.readInt(code + at + 4), 8);
        }
        return false;
    }

    /** The default offset and, from {@code first} words on, {@code count} offsets {@code stride} bytes apart. */
    private static boolean anyBack(ClassReader r, int code, int at, int first, int count, int stride) {
        if (r.readInt(code + at) <= 0) {
            return true;
        }
        for (int i = 0; i < count; i++) {
            if (r.readInt(code + at + 4 * first + i * stride) <= 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the offset of a switch's first 4-byte word: after the opcode and 0-3 bytes of padding */
    private static int padded(int pc) {
        return (pc + 4) & ~3;
    }
}
