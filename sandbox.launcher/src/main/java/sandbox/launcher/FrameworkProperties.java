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

    /** FileInstall's poll interval in ms; the etc/ watcher uses the same. */
    static final String POLL = "felix.fileinstall.poll";
    /** FileInstall's log level; the etc/ watcher uses the same. */
    static final String LOG_LEVEL = "felix.fileinstall.log.level";

    /**
     * Start level of plugins (FileInstall installs them there) and the framework's level once the policy is read;
     * the framework begins at 1, where the infrastructure runs, so plugins wait for the policy files in etc/.
     */
    static final int PLUGIN_START_LEVEL = 2;

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
        p.put(POLL, "500");
        // First scan inside FileInstall's start(): plugins are installed when start() returns.
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");
        p.put("felix.fileinstall.start.level", String.valueOf(PLUGIN_START_LEVEL));
        // Only jars are plugins; configuration files of the operator do not belong in a folder plugins are dropped into.
        p.put("felix.fileinstall.filter", ".*\\.jar");
        // 3 = info: installs, starts, uninstalls and failures of plugin jars show on the console.
        p.put(LOG_LEVEL, "3");
        p.put("felix.fileinstall.log.default", "stdout");
        // FileInstall would write every configuration change back into its file (adding service.pid and
        // the like, dropping comments): the operator's policy files stay exactly as written. A change made
        // through Configuration Admin itself lasts until the next start (the cache is cleaned).
        p.put("felix.fileinstall.enableConfigSave", "false");

        // Boot delegation: only java.* (which the framework always delegates anyway). The OSGi default
        // in many launchers, sun.*, and Felix's implicit delegation for requests coming from JDK code would
        // both hand a plugin sun.misc.Unsafe without asking sandbox.core's resolver hook (docs/framework-defences.md).
        // Infrastructure that needs sun.misc or com.sun.* imports it and is wired by the resolver.
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "java.*");
        p.put("felix.bootdelegation.implicit", "false");

        // The JDK sink agent's gate (bin/sandbox loads the agent, docs/sinks.md): sandbox.core imports it optionally to
        // install its checker; its resolver hook keeps every plugin from wiring to it.
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sandbox.agent.gate");

        // The shell reads no profile from the working directory; history goes to ~/.gogo.history.
        p.put("gosh.home", distribution.home().toString());

        // An operator tunes a default with -D (SANDBOX_JAVA_OPTS), e.g. -Dfelix.fileinstall.log.level=3
        p.replaceAll((key, value) -> System.getProperty(key, value));
        return p;
    }
}
