package sandbox.core.weaving;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/**
 * Decides which table rows a call reaches: by what the JVM will run, not by the owner the bytecode names.
 * Constructors are matched on their exact owner (they are not inherited; a plugin subclass's {@code super(...)}
 * names the JDK class itself, H3). Methods are resolved through {@link ClassHierarchy} (H1, H2, H4, H5).
 */
final class CallMatcher {
    private final SensitiveApiTable table;
    private final ClassHierarchy hierarchy;

    CallMatcher(SensitiveApiTable table, ClassHierarchy hierarchy) {
        this.table = table;
        this.hierarchy = hierarchy;
    }

    /** @return row ids the call reaches, empty when it is not sensitive */
    int[] match(int opcode, String owner, String name, String desc) {
        if (!table.mayMatch(name) || owner.startsWith("[")) {
            return new int[0];
        }
        if (name.equals("<init>")) {
            return ids(table.match(owner, name, desc));
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String jdkOwner : hierarchy.jdkOwners(owner, name, desc, opcode == Opcodes.INVOKESTATIC)) {
            ids.addAll(table.match(jdkOwner, name, desc));
        }
        return ids(new ArrayList<>(ids));
    }

    /** @return false when no row has a member of this name: no call of that name can match */
    boolean mayMatch(String name) {
        return table.mayMatch(name);
    }

    /** @return row ids a method handle constant reaches; field handles are never sensitive */
    int[] match(Handle handle) {
        int opcode = switch (handle.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> -1;
        };
        return opcode < 0 ? new int[0] : match(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
    }

    /** @return true when the owner a call names is a JDK type (a trusted copy of the receiver fits it) */
    boolean isJdk(String owner) {
        return hierarchy.isJdk(owner);
    }

    SensitiveApi row(int id) {
        return table.row(id);
    }

    private static int[] ids(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
