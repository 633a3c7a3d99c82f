package sandbox.core.plugins;

import java.util.Objects;
import sandbox.api.PluginPermissions;

/**
 * What a plugin bundle's {@value PluginPermissions#HEADER} header asks for, or why it could not be read.
 * A header that does not parse is never half-applied: the plugin is FAILED and is not executed.
 *
 * @param header the raw header value, {@code null} when absent
 * @param permissions the parsed permissions; {@link PluginPermissions#NONE} when the header is malformed
 * @param problem why the header was rejected, naming the bad clause; {@code null} when it parsed
 */
public record RequestedPermissions(String header, PluginPermissions permissions, String problem) {

    /** Rejects a missing permissions value. */
    public RequestedPermissions {
        Objects.requireNonNull(permissions, "permissions");
    }

    /**
     * @param header the header value as found in the manifest, may be {@code null}
     * @return the parsed permissions or the reason they are rejected
     */
    public static RequestedPermissions parse(String header) {
        try {
            return new RequestedPermissions(header, PluginPermissions.parse(header), null);
        } catch (IllegalArgumentException e) {
            return new RequestedPermissions(header, PluginPermissions.NONE,
                    "malformed " + PluginPermissions.HEADER + " header: " + e.getMessage());
        }
    }

    /** @return true when the header parsed (or is absent) */
    public boolean valid() {
        return problem == null;
    }
}
