package sandbox.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs and starts the bundles of the distribution's bundles folder. They are trusted, so they must
 * all run: a bundle that fails to install or start stops the launch (fail closed: a container whose
 * Sandbox bundles are missing would run plugins unguarded).
 */
final class InfrastructureBundles {

    /** Started last: it installs the plugins, which must find the Sandbox bundles already active (catalogue E13). */
    static final String FILE_INSTALL = "org.apache.felix.fileinstall";

    private final List<Bundle> bundles = new ArrayList<>();

    /** Installs every jar of the folder (sorted by name); returns the new bundles. */
    List<Bundle> install(BundleContext context, Path folder) throws LaunchException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : Distribution.jarsIn(folder)) {
            try {
                installed.add(context.installBundle(Distribution.location(jar)));
            } catch (BundleException | RuntimeException e) {
                throw new LaunchException("cannot install " + jar + ": " + e.getMessage(), e);
            }
        }
        bundles.addAll(installed);
        return installed;
    }

    /** Starts the given bundles, FileInstall after all others; fragments are only resolved. */
    static void start(List<Bundle> toStart) throws LaunchException {
        List<Bundle> ordered = new ArrayList<>(toStart);
        ordered.sort(Comparator.comparing(b -> FILE_INSTALL.equals(b.getSymbolicName())));
        for (Bundle bundle : ordered) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                throw new LaunchException("cannot start " + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + " (" + bundle.getLocation() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Everything this launcher installed so far. */
    List<Bundle> all() {
        return List.copyOf(bundles);
    }

    /** True for a bundle the launcher installed (infrastructure), false for plugins and the system bundle. */
    boolean installedHere(Bundle bundle) {
        return bundles.contains(bundle);
    }
}
