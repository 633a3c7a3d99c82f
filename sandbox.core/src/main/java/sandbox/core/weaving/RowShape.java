package sandbox.core.weaving;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks that a row's target fits the call it matched (a {@code *} row covers overloads it was not written
 * against). A row that does not fit fails the weave: the class does not load, it never loads unguarded (H9).
 */
final class RowShape {
    private RowShape() {
    }

    static void check(SensitiveApi row, int opcode, String desc) {
        Target t = row.target();
        if (t.kind() == TargetKind.NONE || t.kind() == TargetKind.METER_ONLY) {
            return;
        }
        Type[] args = Type.getArgumentTypes(desc);
        if (t.isReceiver()) {
            if (opcode == Opcodes.INVOKESTATIC || row.name().equals("<init>")) {
                throw bad(row, desc, "takes its target from a receiver the call does not have");
            }
        } else {
            requireArg(row, desc, args, t.arg(), t.kind() == TargetKind.PORT ? Type.INT : Type.OBJECT);
        }
        switch (t.kind()) {
            case HOST_PORT, INET_PORT -> requireArg(row, desc, args, t.portArg(), Type.INT);
            case OPEN -> requireArg(row, desc, args, t.portArg(), Type.OBJECT);
            default -> { }
        }
    }

    private static void requireArg(SensitiveApi row, String desc, Type[] args, int index, int sort) {
        if (index < 0 || index >= args.length) {
            throw bad(row, desc, "names argument " + index + " of " + args.length);
        }
        int actual = args[index].getSort();
        boolean ok = sort == Type.INT ? actual == Type.INT : actual == Type.OBJECT || actual == Type.ARRAY;
        if (!ok) {
            throw bad(row, desc, "expects " + (sort == Type.INT ? "an int" : "an object") + " in argument " + index);
        }
    }

    private static IllegalStateException bad(SensitiveApi row, String desc, String why) {
        return new IllegalStateException("sensitive-API row " + row.operation() + " " + row.descriptor()
                + " does not fit call " + desc + ": it " + why);
    }
}
