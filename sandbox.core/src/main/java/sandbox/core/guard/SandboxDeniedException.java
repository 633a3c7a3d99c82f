package sandbox.core.guard;

import sandbox.api.PermissionKind;

/**
 * Thrown into plugin code when its policy denies a sensitive operation. The message names everything an operator
 * needs: the plugin (symbolic name and version), the permission and action, the operation and its target. The
 * same denial is reported as a {@link sandbox.api.Violation}.
 */
public final class SandboxDeniedException extends SecurityException {
    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final PermissionKind permission;
    private final String target;

    /**
     * @param pluginId the plugin's symbolic name
     * @param version the plugin's version
     * @param permission the permission kind the operation needs
     * @param action the action within the kind
     * @param operation the JDK member the plugin called, e.g. {@code java.io.FileInputStream.<init>}
     * @param target what it was called on
     */
    public SandboxDeniedException(String pluginId, String version, PermissionKind permission, String action,
                                  String operation, String target) {
        super("Sandbox denied plugin " + pluginId + " " + version + " permission " + permission.headerName() + " "
                + action + " for " + operation + (target.isEmpty() ? "" : " on " + target));
        this.pluginId = pluginId;
        this.permission = permission;
        this.target = target;
    }

    /** @return the plugin denied */
    public String pluginId() {
        return pluginId;
    }

    /** @return the permission kind it lacked */
    public PermissionKind permission() {
        return permission;
    }

    /** @return the target of the denied operation */
    public String target() {
        return target;
    }
}
