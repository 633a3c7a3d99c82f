package sandbox.core.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import sandbox.core.plugins.PluginDataRoot;

/**
 * Each plugin's data folder, where {@link PluginDataRoot} puts it (the policy grants the same folder), created on
 * demand.
 *
 * <p>The id must be a well-formed bundle symbolic name (dot-separated tokens of letters, digits, {@code _} and
 * {@code -}), so it can never name a parent folder or another path.
 */
final class DataFolders {
    static final String PROPERTY = PluginDataRoot.PROPERTY;
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final PluginDataRoot rule;

    /** @param root the folder holding one sub-folder per plugin; {@code null} when there is none */
    DataFolders(Path root) {
        this(new PluginDataRoot(root));
    }

    private DataFolders(PluginDataRoot rule) {
        this.rule = rule;
    }

    /** @return the rule as configured for the core bundle */
    static DataFolders of(BundleContext context) {
        return new DataFolders(PluginDataRoot.of(context));
    }

    /**
     * @param pluginId the plugin's id
     * @return the plugin's data folder, created if missing
     * @throws IOException when there is no data root, the id is not a symbolic name, or the folder cannot be made
     */
    Path folderOf(String pluginId) throws IOException {
        if (rule.root() == null) {
            throw new IOException("no plugin data folder: set framework property " + PROPERTY
                    + " (the framework has no persistent storage for bundles)");
        }
        if (pluginId == null || !SYMBOLIC_NAME.matcher(pluginId).matches()) {
            throw new IOException("plugin id '" + pluginId + "' is not a bundle symbolic name; no data folder for it");
        }
        return Files.createDirectories(rule.folderOf(pluginId));
    }

    /** @return the root folder, {@code null} if there is none */
    Path root() {
        return rule.root();
    }
}
