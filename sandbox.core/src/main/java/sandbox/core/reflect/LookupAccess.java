package sandbox.core.reflect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles.Lookup;
import java.lang.invoke.MethodType;
import sandbox.api.PermissionKind;
import sandbox.core.policy.PolicyDecisionPoint;
import sandbox.core.policy.PolicyHandle;

/**
 * The member-resolving methods of {@code MethodHandles.Lookup} (B3, B5, B11, H6), whatever Lookup the plugin
 * holds: its own, {@code publicLookup()}, one a bootstrap method received, one from {@code privateLookupIn}. The
 * real lookup runs first (the JDK's access rules for that Lookup apply unchanged); the handle it returns is then
 * checked and, for a sensitive member, wrapped ({@link GuardedHandles}).
 */
public final class LookupAccess {
    private static final String LOOKUP = "java.lang.invoke.MethodHandles$Lookup.";

    private LookupAccess() {
    }

    public static MethodHandle method(Lookup lookup, MethodHandle mh, Class<?> refc, String name, boolean isStatic,
                                      Lookup caller, Object handle, String lookupMethod) {
        String op = LOOKUP + lookupMethod + " " + refc.getName() + "." + name;
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        Access.member(h, c, refc, false, op);
        Class<?> decl = refc;
        MethodType type = isStatic ? mh.type() : mh.type().dropParameterTypes(0, 1);
        try {
            MethodHandleInfo info = lookup.revealDirect(mh);
            decl = info.getDeclaringClass();
            type = info.getMethodType();
        } catch (RuntimeException notDirect) {
            // a caller-sensitive method's handle cannot be revealed: the class named is where the search starts
        }
        Access.member(h, c, decl, false, op);
        String desc = type.toMethodDescriptorString();
        int meta = MetaApiTable.match(decl, name, desc, isStatic);
        if (meta >= 0) {
            return GuardedHandles.redirect(MetaApiTable.row(meta), meta, mh, caller, h);
        }
        return GuardedHandles.checked(mh, MemberRows.method(decl, name, desc, isStatic), !isStatic, h);
    }

    public static MethodHandle constructor(MethodHandle mh, Class<?> refc, Lookup caller, Object handle,
                                           String lookupMethod) {
        String op = LOOKUP + lookupMethod + " " + refc.getName();
        PolicyHandle h = Callers.handle(handle);
        Access.member(h, Callers.verify(caller, h), refc, false, op);
        Class<?>[] params = mh.type().parameterArray();
        int meta = MetaApiTable.match(refc, "<init>", MemberRows.descriptor(void.class, params), false);
        MethodHandle checked = meta < 0 ? mh : GuardedHandles.redirect(MetaApiTable.row(meta), meta, mh, caller, h);
        return GuardedHandles.checked(checked, MemberRows.constructor(refc, params), false, h);
    }

    /** Field getters, setters and VarHandles: no field is in the sensitive table; the class must be reachable. */
    public static void field(Class<?> refc, String name, Lookup caller, Object handle, String lookupMethod) {
        String op = LOOKUP + lookupMethod + " " + refc.getName() + "." + name;
        PolicyHandle h = Callers.handle(handle);
        if (Forbidden.isWeaverMember(name)) {
            Access.denyAlways(h, refc.getName() + "." + name, op);
        }
        Access.member(h, Callers.verify(caller, h), refc, false, op);
    }

    /** {@code privateLookupIn}, {@code Lookup.in}: private access to another class is deep reflection (B2, C3). */
    public static void deep(Class<?> target, Lookup caller, Object handle, String op) {
        PolicyHandle h = Callers.handle(handle);
        Access.member(h, Callers.verify(caller, h), target, true, op);
    }

    /**
     * A handle given to a JDK adapter ({@code LambdaMetafactory}, {@code MethodHandleProxies}) that the adapter
     * will call from JDK code (B5). Handles made through the guarded routes are already guarded; a direct handle
     * to a sensitive or reflective member (which only an unguarded source can hand over) is refused.
     */
    public static void adapted(Lookup lookup, MethodHandle target, Lookup caller, Object handle, String op) {
        PolicyHandle h = Callers.handle(handle);
        Class<?> c = Callers.verify(caller, h);
        if (lookup != caller && !ClassSpace.own(h, lookup.lookupClass())) {
            Access.member(h, c, lookup.lookupClass(), true, op);   // the spun class would join that class's loader
        }
        MethodHandleInfo info;
        try {
            info = lookup.revealDirect(target);
        } catch (RuntimeException notDirect) {
            return;
        }
        Class<?> decl = info.getDeclaringClass();
        Access.linked(h, c, decl, op);   // a method reference is not reflection; its member's sensitivity is checked below
        String desc = info.getMethodType().toMethodDescriptorString();
        boolean isStatic = info.getReferenceKind() == MethodHandleInfo.REF_invokeStatic;
        boolean sensitive = info.getReferenceKind() == MethodHandleInfo.REF_newInvokeSpecial
                ? MemberRows.constructor(decl, info.getMethodType().parameterArray()).length > 0
                : MemberRows.method(decl, info.getName(), desc, isStatic).length > 0
                        || MetaApiTable.match(decl, info.getName(), desc, isStatic) >= 0;
        if (sensitive) {
            PolicyDecisionPoint.enforce(h, PermissionKind.REFLECTION, "access", decl.getName() + "." + info.getName(), op);
        }
    }
}
