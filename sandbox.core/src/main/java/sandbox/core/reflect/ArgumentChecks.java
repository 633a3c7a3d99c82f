package sandbox.core.reflect;

import sandbox.core.guard.Guard;
import sandbox.core.policy.PolicyHandle;
import sandbox.core.weaving.ResultWrap;
import sandbox.core.weaving.SensitiveApi;
import sandbox.core.weaving.SensitiveApiTable;
import sandbox.core.weaving.Target;

/**
 * Runs, at run time and on an argument array, exactly the checks the weaver emits for a direct call: each row's
 * target goes through the same {@link Guard} method, and the checked copy (A8) replaces the argument, so the
 * reflective call uses what was checked.
 */
final class ArgumentChecks {
    private ArgumentChecks() {
    }

    /**
     * @param all the receiver (when {@code hasReceiver}) followed by the arguments; checked copies are put back
     */
    static void apply(PolicyHandle h, int[] rows, Object[] all, boolean hasReceiver) {
        int off = hasReceiver ? 1 : 0;
        for (int id : rows) {
            SensitiveApi row = SensitiveApiTable.INSTANCE.row(id);
            Target t = row.target();
            switch (t.kind()) {
                case METER_ONLY -> { }   // nothing to check: only the result is metered
                case NONE -> Guard.check(h, id);
                case PORT -> Guard.checkPort(((Number) all[off + t.arg()]).intValue(), h, id);
                case HOST_PORT, INET_PORT -> all[off + t.arg()] =
                        Guard.check(all[off + t.arg()], ((Number) all[off + t.portArg()]).intValue(), h, id);
                case OPEN -> {
                    all[off + t.portArg()] = Guard.copyOptions(all[off + t.portArg()]);
                    all[off + t.arg()] = Guard.checkOpen(all[off + t.arg()], all[off + t.portArg()], h, id);
                }
                default -> {
                    int i = t.isReceiver() ? 0 : off + t.arg();
                    all[i] = Guard.check(all[i], h, id);
                }
            }
        }
    }

    /**
     * @param owner the call's receiver (checked copy), {@code null} for static calls and constructors
     * @return the value, wrapped for accounting when a row says so
     */
    static Object result(PolicyHandle h, int[] rows, Object value, Object owner) {
        for (int id : rows) {
            if (SensitiveApiTable.INSTANCE.row(id).wrap() != ResultWrap.NONE) {
                return Guard.result(value, owner, h, id);
            }
        }
        return value;
    }
}
