package sandbox.core.reflect;

import java.io.ObjectInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/** The checks of CHECK rows ({@link MetaApi.Check}): one value, checked before the original call runs in plugin code. */
final class ReceiverChecks {
    private ReceiverChecks() {
    }

    static void check(Object value, Class<?> caller, PolicyHandle h, int id) {
        MetaApi row = MetaApiTable.row(id);
        if (value == null && row.check() != MetaApi.Check.LOADER && row.check() != MetaApi.Check.CONTEXT_LOADER) {
            return;   // the original call throws its own NullPointerException
        }
        String op = row.operation();
        switch (row.check()) {
            case FIELD -> {
                Field f = (Field) value;
                if (Forbidden.isWeaverMember(f.getName())) {
                    Access.denyAlways(h, f.getDeclaringClass().getName() + "." + f.getName(), op);
                }
                Access.member(h, caller, f.getDeclaringClass(), false, op + " " + f.getDeclaringClass().getName()
                        + "." + f.getName());
            }
            case TARGET_OBJECT -> {
                Class<?> k = value instanceof Class<?> c ? c : value.getClass();
                if (ClassSpace.internal(k)) {
                    Access.denyAlways(h, k.getName(), op);
                }
            }
            case DECLARED -> Access.member(h, caller, (Class<?>) value, true, op);
            case PUBLIC -> Access.member(h, caller, (Class<?>) value, false, op);
            case DESERIALIZE -> Deserialization.install((ObjectInputStream) value, h, null);
            case DEFAULT_METHOD -> Reflective.defaultMethod(h, (Method) value);
            case LOADER, CONTEXT_LOADER -> {
                ClassLoader loader = row.check() == MetaApi.Check.LOADER ? (ClassLoader) value
                        : Thread.currentThread().getContextClassLoader();
                if (!ClassSpace.ownLoader(h, loader, caller)) {
                    PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access",
                            "class loader " + ClassSpace.describe(loader), op);
                }
            }
            default -> throw new SecurityException("Sandbox: unknown check " + row.check() + " for " + op);
        }
    }

    /** The same check as a method-handle filter: returns the value it checked. */
    static Object checked(Object value, Class<?> caller, PolicyHandle h, int id) {
        check(value, caller, h, id);
        return value;
    }
}
