package sandbox.core.plugins;

import java.io.File;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/**
 * The one rule for where plugin data folders live: {@code <sandbox.data.dir>/<pluginId>/} when framework property
 * {@value #PROPERTY} is set (a relative value is taken from the working directory), otherwise
 * {@code plugins/<pluginId>/} in the core bundle's persistent data area. The execution service creates the folder it
 * hands a plugin, and the policy grants the plugin that same folder, so both ask this class.
 *
 * @param root the folder holding one sub-folder per plugin, absolute and normalized; {@code null} when there is none
 */
public record PluginDataRoot(Path root) {
    /** Framework property naming the root of all plugin data folders. */
    public static final String PROPERTY = "sandbox.data.dir";

    /** Makes the root absolute and normalized. */
    public PluginDataRoot {
        root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** @param context the core bundle's context @return the rule as configured for the core bundle */
    public static PluginDataRoot of(BundleContext context) {
        String dir = context.getProperty(PROPERTY);
        return of(dir, dir != null && !dir.isBlank() ? null : context.getDataFile("plugins"));
    }

    /**
     * @param property the value of {@value #PROPERTY}, {@code null} or blank when unset
     * @param dataArea the core bundle's {@code plugins} data file, {@code null} when the framework has no storage
     * @return the root the property names, else the data area, else none
     */
    static PluginDataRoot of(String property, File dataArea) {
        if (property != null && !property.isBlank()) {
            return new PluginDataRoot(Path.of(property.strip()));
        }
        return new PluginDataRoot(dataArea == null ? null : dataArea.toPath());
    }

    /**
     * @param pluginId the plugin's id, already checked by the caller
     * @return the plugin's data folder (not created here), {@code null} when there is no root
     */
    public Path folderOf(String pluginId) {
        return root == null ? null : root.resolve(pluginId);
    }
}
