package sandbox.core.reflect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;
import sandbox.api.PermissionKind;
import sandbox.core.guard.SandboxDeniedException;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/**
 * Method handles a plugin obtains at run time (B3): a handle to a sensitive member comes back wrapped so every
 * invocation runs the member's checks on the actual arguments (as a direct call would); a handle to a meta-level
 * member (another {@code Method.invoke}, {@code Lookup.findStatic}, {@code defineClass}...) comes back pointing at
 * the guard. Handles to anything else are returned as they are: no cost where there is nothing to check.
 */
final class GuardedHandles {
    private static final Lookup OWN = MethodHandles.lookup();
    private static final MethodHandle INVOKE;
    private static final MethodHandle CHECK_VALUE;

    static {
        try {
            INVOKE = OWN.findVirtual(Checks.class, "invoke", MethodType.methodType(Object.class, Object[].class));
            CHECK_VALUE = OWN.findStatic(ReceiverChecks.class, "checked", MethodType.methodType(Object.class,
                    Object.class, Class.class, PolicyHandle.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private GuardedHandles() {
    }

    /** @return {@code mh} guarded for a member whose checks are {@code rows} */
    static MethodHandle checked(MethodHandle mh, int[] rows, boolean hasReceiver, PolicyHandle h) {
        if (rows.length == 0) {
            return mh;
        }
        MethodType type = mh.type();
        int n = type.parameterCount();
        MethodHandle spread = mh.asFixedArity().asSpreader(Object[].class, n)
                .asType(MethodType.methodType(Object.class, Object[].class));
        MethodHandle result = INVOKE.bindTo(new Checks(h, rows, hasReceiver, spread)).asCollector(Object[].class, n)
                .asType(type);
        return mh.isVarargsCollector() ? result.asVarargsCollector(type.lastParameterType()) : result;
    }

    /**
     * @param original the handle the plugin asked for, {@code null} when called for a reflective invocation
     * @return the guard in its place (REPLACE), the original behind a check (CHECK); DEFINE_BYTES is refused
     */
    static MethodHandle redirect(MetaApi row, int id, MethodHandle original, Lookup caller, PolicyHandle h) {
        Class<?> plugin = caller.lookupClass();
        switch (row.shape()) {
            case REPLACE -> {
                MethodHandle guard = guardMethod(row);
                guard = MethodHandles.insertArguments(guard, guard.type().parameterCount() - 2, caller, h);
                if (original == null) {
                    return guard;
                }
                MethodHandle typed = guard.asType(original.type());
                return original.isVarargsCollector()
                        ? typed.asVarargsCollector(original.type().lastParameterType()) : typed;
            }
            case CHECK -> {
                if (row.arg() == MetaApi.IMPLICIT) {
                    ReceiverChecks.check(null, plugin, h, id);   // nothing to filter: the default is checked now
                    return original;
                }
                int at = row.arg() < 0 ? 0 : row.arg() + (row.isStatic() || row.name().equals("<init>") ? 0 : 1);
                Class<?> p = original.type().parameterType(at);
                MethodHandle check = MethodHandles.insertArguments(CHECK_VALUE, 1, plugin, h, id)
                        .asType(MethodType.methodType(p, p));
                return MethodHandles.filterArguments(original, at, check);
            }
            default -> {
                PolicyDecisionPoint.enforce(h, PermissionKind.CLASS_DEFINITION, "define", row.operation(),
                        "reflective or method-handle access to " + row.operation());
                throw new SandboxDeniedException(h.pluginId(), h.version(), PermissionKind.CLASS_DEFINITION, "define",
                        "reflective or method-handle access to " + row.operation(), "(never: the bytes could not be woven)");
            }
        }
    }

    private static MethodHandle guardMethod(MetaApi row) {
        try {
            Class<?> guard = Class.forName(row.guardOwner().replace('/', '.'), true, GuardedHandles.class.getClassLoader());
            MethodType type = MethodType.fromMethodDescriptorString(row.guardDescriptor(), GuardedHandles.class.getClassLoader());
            return MethodHandles.publicLookup().findStatic(guard, row.guardName(), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("guard for " + row.operation() + " is missing: " + e, e);
        }
    }

    /** The checks of one handle: receiver (if any) and arguments as one array, checked copies used for the call. */
    static final class Checks {
        private final PolicyHandle h;
        private final int[] rows;
        private final boolean hasReceiver;
        private final MethodHandle target;

        Checks(PolicyHandle h, int[] rows, boolean hasReceiver, MethodHandle target) {
            this.h = h;
            this.rows = rows.clone();
            this.hasReceiver = hasReceiver;
            this.target = target;
        }

        Object invoke(Object[] all) throws Throwable {
            Object[] copy = all.clone();
            ArgumentChecks.apply(h, rows, copy, hasReceiver);
            Object value = (Object) target.invokeExact(copy);
            return ArgumentChecks.result(h, rows, value, hasReceiver ? copy[0] : null);
        }
    }
}
