package sandbox.core.weaving;

import java.util.Objects;

/**
 * Where a sensitive call's target is: which argument (or the receiver) and, for host/port pairs, the port's argument.
 *
 * @param kind how the target is interpreted
 * @param arg index of the target among the call's arguments, {@link #RECEIVER} for the receiver, unused for NONE
 * @param portArg second argument: the {@code int} port for HOST_PORT/INET_PORT, the open options for OPEN; else -1
 */
public record Target(TargetKind kind, int arg, int portArg) {
    /** The receiver of an instance method. */
    public static final int RECEIVER = -1;
    /** A call without a target. */
    public static final Target NONE = new Target(TargetKind.NONE, 0, -1);
    /** A call that is not checked, only its result metered. */
    public static final Target METER_ONLY = new Target(TargetKind.METER_ONLY, 0, -1);

    /** Rejects a port argument where none belongs and a missing one where it must be. */
    public Target {
        Objects.requireNonNull(kind, "kind");
        boolean needsPort = kind == TargetKind.HOST_PORT || kind == TargetKind.INET_PORT || kind == TargetKind.OPEN;
        if (needsPort != (portArg >= 0)) {
            throw new IllegalArgumentException(kind + " target " + (needsPort ? "needs" : "takes no") + " port argument");
        }
    }

    /** @return a target in argument {@code arg} */
    public static Target arg(TargetKind kind, int arg) {
        return new Target(kind, arg, -1);
    }

    /** @return a target that is the receiver */
    public static Target receiver(TargetKind kind) {
        return new Target(kind, RECEIVER, -1);
    }

    /** @return true when the receiver is the target */
    public boolean isReceiver() {
        return kind != TargetKind.NONE && kind != TargetKind.METER_ONLY && arg == RECEIVER;
    }

    /** @return a short text for tables: {@code path(arg0)}, {@code host_port(arg0,arg1)}, {@code none} */
    public String describe() {
        if (kind == TargetKind.NONE || kind == TargetKind.METER_ONLY) {
            return kind == TargetKind.NONE ? "none" : "(metered only)";
        }
        String where = arg == RECEIVER ? "this" : "arg" + arg;
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + where + (portArg >= 0 ? ",arg" + portArg : "") + ")";
    }
}
