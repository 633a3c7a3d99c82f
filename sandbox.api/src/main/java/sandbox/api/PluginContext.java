package sandbox.api;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What the container hands a plugin for one execution. */
@ProviderType
public interface PluginContext {

    /** @return the plugin's id: its bundle symbolic name */
    String pluginId();

    /** @return the plugin's own data folder; it may always read and write below it */
    Path dataFolder();

    /** @return the caller's input, unmodifiable */
    Map<String, String> input();

    /** @return a logger whose records name the plugin */
    System.Logger logger();
}
