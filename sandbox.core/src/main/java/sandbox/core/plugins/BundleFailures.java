package sandbox.core.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Gathers what the framework tells about plugin bundles that did not resolve or start: the last framework ERROR
 * event per bundle (Felix fires one when a start-level change or a class load fails to resolve or start a bundle),
 * whether the bundle was meant to run, and which mandatory requirements no installed bundle provides.
 *
 * <p>A failed explicit {@code Bundle.start()} throws to its caller (FileInstall, the launcher) and fires no event;
 * the bundle is then left INSTALLED or RESOLVED while persistently started, which {@link #lifeOf} reports as
 * meant to run, so the assessment still calls it FAILED.
 */
final class BundleFailures implements FrameworkListener, SynchronousBundleListener {
    private final Map<Long, String> lastError = new ConcurrentHashMap<>();
    private final BundleContext context;

    BundleFailures(BundleContext context) {
        this.context = context;
    }

    void open() {
        context.addFrameworkListener(this);
        context.addBundleListener(this);
    }

    void close() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
        lastError.clear();
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == FrameworkEvent.ERROR && bundle != null && bundle.getBundleId() != 0) {
            Throwable t = event.getThrowable();
            lastError.put(bundle.getBundleId(), t == null ? "framework error without an exception" : String.valueOf(t));
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            // a fresh start, new content or no bundle at all: an old error no longer describes it
            case BundleEvent.STARTED, BundleEvent.UPDATED, BundleEvent.UNINSTALLED ->
                    lastError.remove(event.getBundle().getBundleId());
            default -> {
            }
        }
    }

    /** @param bundle a plugin bundle @return the facts its assessment needs */
    BundleLife lifeOf(Bundle bundle) {
        try {
            int state = bundle.getState();
            String unresolved = state == Bundle.INSTALLED ? missingRequirements(bundle) : null;
            return new BundleLife(state, meantToRun(bundle), unresolved, lastError.get(bundle.getBundleId()));
        } catch (IllegalStateException | IllegalArgumentException uninstalledMeanwhile) {
            // the bundle was uninstalled while we asked (start level and revision adapters throw then; Felix's
            // isPersistentlyStarted throws IllegalArgumentException "Bundle is uninstalled."): a plugin on its way
            // out is not a failure, and callers of SandboxService must get an answer, not this exception
            return new BundleLife(Bundle.UNINSTALLED, false, null, null);
        }
    }

    private boolean meantToRun(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        // while the framework starts or stops, bundles are legitimately not yet (or no longer) active
        return level != null && framework != null && context.getBundle(0).getState() == Bundle.ACTIVE
                && level.isPersistentlyStarted() && level.getStartLevel() <= framework.getStartLevel();
    }

    /** @return the mandatory requirements without a provider among the installed bundles, {@code null} if none */
    private String missingRequirements(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (revision == null || wiring == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            // resolver hooks are not consulted here (FrameworkWiring.findProviders): a class-space refusal is not seen
            if (mandatory(requirement) && wiring.findProviders(requirement).isEmpty()) {
                missing.add(describe(requirement));
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    static boolean mandatory(BundleRequirement requirement) {
        Map<String, String> directives = requirement.getDirectives();
        String resolution = directives.get(Constants.RESOLUTION_DIRECTIVE);
        String effective = directives.get(Constants.EFFECTIVE_DIRECTIVE);
        return (resolution == null || Constants.RESOLUTION_MANDATORY.equals(resolution))
                && (effective == null || Constants.EFFECTIVE_RESOLVE.equals(effective));
    }

    /** @return e.g. {@code osgi.wiring.package; (&(osgi.wiring.package=com.example)(version>=1.0.0))} */
    static String describe(BundleRequirement requirement) {
        String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        return requirement.getNamespace() + (filter == null ? "" : "; " + filter);
    }
}
