package sandbox.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * One run of the container: framework up, infrastructure bundles started, FileInstall last (it installs
 * the plugins), FileInstall's second watcher on etc/ (policy files), the ready line, then the shell if a person is at a terminal; then wait until the
 * framework stops (SIGTERM/SIGINT, or Ctrl-D / {@code stop 0} in the shell).
 */
final class Container {

    private static final String JLINE = "org.jline";
    private static final String JLINE_PROVIDER = "org.jline.terminal.provider";
    /** Felix: no extension bundles when "true" (FelixConstants.FELIX_EXTENSIONS_DISABLE). */
    static final String EXTENSIONS_DISABLE = "felix.extensions.disable";

    private final LaunchOptions options;
    private final Distribution distribution;
    private final StateFolder state;
    private final PrintStream out;
    private final StopOnSignal signals;

    Container(LaunchOptions options, Distribution distribution, StateFolder state, PrintStream out,
            StopOnSignal signals) {
        this.options = options;
        this.distribution = distribution;
        this.state = state;
        this.out = out;
        this.signals = signals;
    }

    /** Runs until the framework stops; returns the process exit code. */
    int run() throws LaunchException {
        Framework framework = newFramework();
        try {
            framework.init();
            signals.attach(framework);
            framework.start();
            BundleContext context = framework.getBundleContext();
            HiddenFromFileInstall hook = new HiddenFromFileInstall();
            context.registerService(FindHook.class, hook, null);
            InfrastructureBundles infrastructure = new InfrastructureBundles();
            List<Bundle> bundles = infrastructure.install(context, distribution.bundles());
            hook.infrastructure(bundles);
            InfrastructureBundles.start(bundles);
            PolicyBeforePlugins policy = PolicyBeforePlugins.listen(context, state.etc());
            ConfigurationFolder.watch(context, state.etc(), ConfigurationFolder.watcher(state.etc(),
                    context.getProperty(FrameworkProperties.POLL), context.getProperty(FrameworkProperties.LOG_LEVEL)));
            policy.await(state.etc(), out);
            startPlugins(framework, infrastructure);
            DeployFolderReport.start(framework, state.deploy(), out);
            PolicyFileNameReport.start(framework, state.etc(), out);
            boolean shell = !options.noShell() && Terminal.attached();
            List<Bundle> shellBundles = shell ? infrastructure.install(context, distribution.shellBundles()) : List.of();
            hook.infrastructure(shellBundles);
            if (!signals.requested()) {
                out.println(readyLine(framework, infrastructure));
                startShell(framework, shellBundles);
            }
            FrameworkEvent stopped = framework.waitForStop(0);
            return stopped.getType() == FrameworkEvent.ERROR ? 1 : 0;
        } catch (BundleException e) {
            throw new LaunchException("the framework did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (LaunchException | RuntimeException e) {
            stopQuietly(framework);
            if (signals.requested()) {
                return 0; // stopped while starting: the start failed because the framework was stopping
            }
            throw e;
        }
    }

    private Framework newFramework() throws LaunchException {
        // No framework extension bundles (escape catalogue E6): Felix puts an extension's jar on its own class
        // path and starts its ExtensionBundle-Activator inside installBundle, before any listener or hook of the
        // sandbox sees the bundle, so a plugin jar with `Fragment-Host: system.bundle; extension:=framework` in
        // the deploy folder would run unwoven with the framework's class loader. Felix reads this JVM property once,
        // when its first framework is created.
        System.setProperty(EXTENSIONS_DISABLE, "true");
        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new LaunchException("no OSGi framework on the class path (lib/org.apache.felix.framework-*.jar missing?)");
        }
        return factories.next().newFramework(FrameworkProperties.of(distribution, state));
    }

    /**
     * Starts gogo.jline, which builds its terminal in its activator. jline finds its terminal providers
     * (the code that talks to the tty) as resources of the thread context class loader, so for the
     * start that loader is jline's own; with the launcher's class path jline falls back to a dumb
     * terminal (no line editing, history or completion). The provider is jline's "exec" one (stty in a
     * child process) unless the operator picks another: the default JNI/FFM providers load native code
     * into the container's JVM, and JDK 24+ would ask for native access for all unnamed modules,
     * which are the plugins too.
     */
    private void startShell(Framework framework, List<Bundle> shellBundles) {
        if (shellBundles.isEmpty()) {
            return;
        }
        if (System.getProperty(JLINE_PROVIDER) == null) {
            System.setProperty(JLINE_PROVIDER, "exec");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            framework.adapt(FrameworkWiring.class).resolveBundles(shellBundles);
            shellBundles.stream()
                    .filter(b -> JLINE.equals(b.getSymbolicName()))
                    .map(b -> b.adapt(BundleWiring.class))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(wiring -> thread.setContextClassLoader(wiring.getClassLoader()));
            InfrastructureBundles.start(shellBundles);
        } catch (LaunchException e) {
            // the container itself is up; without a shell it still serves plugins and stops on SIGTERM
            out.println("Sandbox shell unavailable: " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * FileInstall installed the plugins at {@link FrameworkProperties#PLUGIN_START_LEVEL}, above the framework's,
     * and could not start them; they are marked started here and started by raising the framework's start level,
     * which returns when every one of them was started (or failed: the framework reports that itself).
     */
    private static void startPlugins(Framework framework, InfrastructureBundles infrastructure) throws LaunchException {
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() != 0 && !infrastructure.installedHere(bundle)
                    && bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start(); // below its start level: only marked, the framework starts it with the level
                } catch (BundleException | IllegalStateException e) {
                    // uninstalled meanwhile, or refused: FileInstall reports its own failures
                }
            }
        }
        CountDownLatch raised = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(FrameworkProperties.PLUGIN_START_LEVEL,
                event -> raised.countDown());
        try {
            if (!raised.await(StopOnSignal.STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new LaunchException("the plugins did not start within " + StopOnSignal.STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readyLine(Framework framework, InfrastructureBundles infrastructure) {
        long plugins = 0;
        long active = 0;
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() != 0 && !infrastructure.installedHere(bundle)) {
                plugins++;
                active += bundle.getState() == Bundle.ACTIVE ? 1 : 0;
            }
        }
        double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        return String.format(Locale.ROOT, "Sandbox ready in %.2f s - state %s, deploy %s, etc %s, %d plugin%s (%d active)%s",
                seconds, state.root(), state.deploy(), state.etc(), plugins, plugins == 1 ? "" : "s", active,
                state.seeded() ? ", examples copied to deploy" : "");
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(StopOnSignal.STOP_TIMEOUT_SECONDS));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            // already failing: the caller reports the original cause
        }
    }
}
