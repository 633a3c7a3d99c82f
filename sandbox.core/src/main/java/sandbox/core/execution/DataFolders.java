package sandbox.core.execution;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;

/**
 * Where each plugin's data folder is: {@code <sandbox.data.dir>/<pluginId>/} when framework property
 * {@value #PROPERTY} is set (a relative value is taken from the working directory), otherwise
 * {@code plugins/<pluginId>/} in the core bundle's persistent data area. Created on demand.
 *
 * <p>The id must be a well-formed bundle symbolic name (dot-separated tokens of letters, digits, {@code _} and
 * {@code -}), so it can never name a parent folder or another path.
 */
final class DataFolders {
    /** Framework property naming the root of all plugin data folders. */
    static final String PROPERTY = "sandbox.data.dir";
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final Path root;

    /** @param root the folder holding one sub-folder per plugin; {@code null} when there is none */
    DataFolders(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** @return the rule as configured for the core bundle */
    static DataFolders of(BundleContext context) {
        String dir = context.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return new DataFolders(Path.of(dir.strip()));
        }
        File area = context.getDataFile("plugins");
        return new DataFolders(area == null ? null : area.toPath());
    }

    /**
     * @param pluginId the plugin's id
     * @return the plugin's data folder, created if missing
     * @throws IOException when there is no data root, the id is not a symbolic name, or the folder cannot be made
     */
    Path folderOf(String pluginId) throws IOException {
        if (root == null) {
            throw new IOException("no plugin data folder: set framework property " + PROPERTY
                    + " (the framework has no persistent storage for bundles)");
        }
        if (pluginId == null || !SYMBOLIC_NAME.matcher(pluginId).matches()) {
            throw new IOException("plugin id '" + pluginId + "' is not a bundle symbolic name; no data folder for it");
        }
        return Files.createDirectories(root.resolve(pluginId));
    }

    /** @return the root folder, {@code null} if there is none */
    Path root() {
        return root;
    }
}
