package sandbox.core.reflect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Type;

/**
 * One meta-level JDK member: reflection, method handles, class definition. Unlike a row of the sensitive-API
 * table (check a target, then make the original call), a meta member's target is only known at run time (which
 * method a {@code Method} is, which bytes a {@code defineClass} gets), so the weaver hands the whole call, or its
 * receiver or one argument, to a guard.
 *
 * @param owner internal name of the JDK class that declares the member
 * @param name method name
 * @param descriptor descriptor, or {@code *} (only for CHECK and DEFINE_BYTES rows)
 * @param isStatic true for static methods
 * @param shape how the call site is rewritten
 * @param check what a CHECK row checks; {@code null} for other shapes
 * @param arg for CHECK rows: the argument checked, {@code -1} for the receiver, {@value #IMPLICIT} for none
 * @param guardOwner internal name of the guard class (REPLACE rows)
 * @param guardName the guard method (REPLACE rows)
 */
public record MetaApi(String owner, String name, String descriptor, boolean isStatic, Shape shape, Check check,
                      int arg, String guardOwner, String guardName) {
    static final String ANY = "*";
    /** For CHECK rows: the call has no such argument; the default it stands for (the system class loader) is checked. */
    static final int IMPLICIT = -2;
    static final String LOOKUP = "Ljava/lang/invoke/MethodHandles$Lookup;";
    static final String OBJECT = "Ljava/lang/Object;";

    /** How a call to the member is rewritten. */
    public enum Shape {
        /** The call is replaced by a static guard call: same arguments (receiver first), then the caller's Lookup and handle. */
        REPLACE,
        /** The receiver or one argument goes through a check first; the original call then runs in plugin code. */
        CHECK,
        /** {@code ClassLoader.defineClass}: the bytes are woven (or refused) before the original call defines them. */
        DEFINE_BYTES
    }

    /** What a CHECK row checks. */
    public enum Check {
        /** a {@code Field}: its class may be reached reflectively */
        FIELD,
        /** a {@code Class} whose private members are asked for: deep reflection */
        DECLARED,
        /** a {@code Class} whose public members are asked for */
        PUBLIC,
        /** an {@code ObjectInputStream} about to read: gets the deserialisation filter */
        DESERIALIZE,
        /** a {@code Method} whose default body runs through {@code InvocationHandler.invokeDefault} */
        DEFAULT_METHOD,
        /** a {@code ClassLoader} handed to a JDK API that instantiates classes through it */
        LOADER,
        /** an object (or class) a JDK deputy will call methods on by name: never one of the Sandbox's */
        TARGET_OBJECT,
        /** the thread's context class loader, which a JDK API will instantiate classes through (LOADER rules) */
        CONTEXT_LOADER
    }

    /** Rejects incomplete rows. */
    public MetaApi {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(shape, "shape");
        if (shape == Shape.REPLACE && (descriptor.equals(ANY) || guardOwner == null || guardName == null)) {
            throw new IllegalArgumentException(owner + "." + name + ": a REPLACE row needs a descriptor and a guard");
        }
        if (shape == Shape.CHECK && check == null) {
            throw new IllegalArgumentException(owner + "." + name + ": a CHECK row needs a check");
        }
    }

    boolean covers(String desc) {
        return descriptor.equals(ANY) || descriptor.equals(desc);
    }

    /** @return the guard method's descriptor: receiver (as the owner), the arguments, the caller's Lookup, the handle */
    String guardDescriptor() {
        List<Type> params = new ArrayList<>();
        if (!isStatic) {
            params.add(Type.getObjectType(owner));
        }
        params.addAll(List.of(Type.getArgumentTypes(descriptor)));
        params.add(Type.getType(LOOKUP));
        params.add(Type.getType(OBJECT));
        return Type.getMethodDescriptor(Type.getReturnType(descriptor), params.toArray(new Type[0]));
    }

    /** @return {@code java.lang.reflect.Method.invoke} style name for messages */
    public String operation() {
        return owner.replace('/', '.') + "." + name;
    }
}
