package sandbox.core.weaving;

import java.util.Objects;
import sandbox.api.PermissionKind;

/**
 * One row of the sensitive-API table: a JDK member (by its declaring class, as the JVM resolves it) and what a
 * call to it needs.
 *
 * @param owner internal name of the JDK class or interface that declares the member, e.g. {@code java/io/File}
 * @param name method name, {@code <init>} for constructors
 * @param descriptor JVM method descriptor, or {@value #ANY} for every overload of that name
 * @param permission the permission kind checked
 * @param action the action checked, one of {@link PermissionKind#actions()}
 * @param target where the target comes from
 * @param wrap what happens to the returned value
 * @param source who contributed the row (a {@link SensitiveApiSource} name), for the printed table
 */
public record SensitiveApi(String owner, String name, String descriptor, PermissionKind permission, String action,
                           Target target, ResultWrap wrap, String source) {
    /** Descriptor wildcard: every overload of the name. */
    public static final String ANY = "*";

    /** Rejects incomplete rows and actions the permission kind does not know. */
    public SensitiveApi {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(wrap, "wrap");
        Objects.requireNonNull(source, "source");
        if (owner.contains(".")) {
            throw new IllegalArgumentException("owner must be an internal name (slashes): " + owner);
        }
        if (!permission.actions().contains(action)) {
            throw new IllegalArgumentException(owner + "." + name + ": action '" + action + "' is not one of "
                    + permission.actions());
        }
    }

    /** @return true when the guard checks a permission for this row (not only meters what it returns) */
    public boolean checks() {
        return target.kind() != TargetKind.METER_ONLY;
    }

    /** @return true when this row covers a call to {@code desc} */
    public boolean covers(String desc) {
        return descriptor.equals(ANY) || descriptor.equals(desc);
    }

    /** @return {@code java.io.File.delete} style operation name, used in denial messages */
    public String operation() {
        return owner.replace('/', '.') + "." + name;
    }
}
