package sandbox.launcher;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.bundle.FindHook;

/**
 * Hides the system bundle and the bundles the launcher installed from FileInstall.
 *
 * <p>Why: when a jar in deploy/ has the symbolic name and version of an installed bundle, FileInstall
 * <em>updates that bundle</em> with the jar instead of installing a new one. Without this hook a jar
 * named like {@code sandbox.core} would replace the Sandbox's own code while keeping its trusted
 * location, and updating a bundle FileInstall depends on deadlocks FileInstall's refresh. Hidden, the
 * infrastructure is invisible to that lookup: FileInstall tries a fresh install, the framework refuses the
 * duplicate symbolic name and version, and FileInstall reports the failure. Everyone else sees all bundles.
 */
final class HiddenFromFileInstall implements FindHook {

    private final Set<Long> hidden = ConcurrentHashMap.newKeySet();
    private volatile long fileInstallId = -1;

    HiddenFromFileInstall() {
        hidden.add(0L);
    }

    /** Records the launcher's bundles; the FileInstall among them is the one whose view is filtered. */
    void infrastructure(Collection<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            hidden.add(bundle.getBundleId());
            if (InfrastructureBundles.FILE_INSTALL.equals(bundle.getSymbolicName())) {
                fileInstallId = bundle.getBundleId();
            }
        }
    }

    @Override
    public void find(BundleContext context, Collection<Bundle> bundles) {
        if (context.getBundle().getBundleId() == fileInstallId) {
            bundles.removeIf(b -> hidden.contains(b.getBundleId()));
        }
    }
}
