package sandbox.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Constants;

/**
 * The framework properties of a container: where its state lives, what is trusted, what FileInstall watches.
 * A system property of the same name overrides a value.
 */
final class FrameworkProperties {

    /** Framework property: plugin data root; each plugin gets a folder below it. */
    static final String DATA_DIR = "sandbox.data.dir";
    /** Framework property: comma-separated location prefixes of trusted (non-plugin) bundles. */
    static final String TRUSTED_LOCATIONS = "sandbox.trusted.locations";

    private FrameworkProperties() {
    }

    static Map<String, String> of(Distribution distribution, StateFolder state) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, state.cache().toString());
        // A fresh cache at every start: no plugin bundle can be started from the cache before the
        // Sandbox bundles are active (catalogue E13), and deploy/ is the single source of plugins.
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(DATA_DIR, state.data().toString());
        p.put(TRUSTED_LOCATIONS, distribution.trustedLocationPrefix());

        p.put("felix.fileinstall.dir", state.deploy().toString());
        p.put("felix.fileinstall.poll", "500");
        // First scan inside FileInstall's start(): plugins are installed when start() returns.
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        // Only jars are plugins; configuration files of the operator do not belong in a folder plugins are dropped into.
        p.put("felix.fileinstall.filter", ".*\\.jar");
        // 3 = info: installs, starts, uninstalls and failures of plugin jars show on the console.
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.log.default", "stdout");

        // The shell reads no profile from the working directory; history goes to ~/.gogo.history.
        p.put("gosh.home", distribution.home().toString());

        // An operator tunes a default with -D (SANDBOX_JAVA_OPTS), e.g. -Dfelix.fileinstall.log.level=3
        p.replaceAll((key, value) -> System.getProperty(key, value));
        return p;
    }
}
