package sandbox.itests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;
import sandbox.api.ExecutionResult;
import sandbox.api.PluginInfo;
import sandbox.api.PluginState;
import sandbox.api.SandboxService;

/**
 * Base class of every Pax Exam test of the assembled container.
 *
 * <p>Adding a test: create {@code src/test/java/sandbox/itests/SomethingIT.java} (the {@code IT} suffix makes
 * failsafe run it in {@code mvn verify}), {@code extends SandboxTestSupport}, write JUnit 4 {@code @Test} methods.
 * Every test method gets a fresh Felix framework ({@link PerMethod}) provisioned by
 * {@link SandboxContainerOptions#container()}: the container bundles, the sandbox bundles, and the example plugins
 * installed as untrusted plugins. The test body runs inside that framework (in the probe bundle), so it can use
 * {@link #context}, {@link #sandbox} and any service. To change the container for one class, override
 * {@link #config()} (keep the {@code @Configuration} annotation) and combine
 * {@code SandboxContainerOptions.container()} with more options via {@code OptionUtils.combine}. Install extra plugins
 * with {@link #installPlugin(Path)} or {@link #deploy(Path)}, never from a trusted location (see
 * {@link SandboxContainerOptions}). Wait for asynchronous effects with {@link #awaitPlugin} / {@link Await}, and never
 * assert on how long something took.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public abstract class SandboxTestSupport {

    /** The framework, seen through the (trusted) probe bundle. */
    @Inject
    protected BundleContext context;

    /** The service under test; Pax Exam waits for it before the test method runs. */
    @Inject
    protected SandboxService sandbox;

    /** @return the container every test starts from; override (keeping {@code @Configuration}) to extend it */
    @Configuration
    public Option[] config() {
        return SandboxContainerOptions.container();
    }

    /** Removes what a test dropped into the deploy folder, so the next test of the class starts empty. */
    @After
    public void emptyDeployFolder() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(deployDir())) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Executes a plugin through the SandboxService. */
    protected ExecutionResult execute(String pluginId, Map<String, String> input) {
        return sandbox.execute(pluginId, input);
    }

    /** Waits until the SandboxService lists the plugin in the given state, and returns it. */
    protected PluginInfo awaitPlugin(String pluginId, PluginState state) {
        return Await.until("plugin " + pluginId + " in state " + state + " (now " + sandbox.plugin(pluginId) + ")",
                () -> sandbox.plugin(pluginId).filter(p -> p.state() == state));
    }

    /** Waits until the SandboxService no longer lists the plugin. */
    protected void awaitPluginGone(String pluginId) {
        Await.untilTrue("plugin " + pluginId + " to leave SandboxService.plugins()", () -> sandbox.plugin(pluginId).isEmpty());
    }

    /** @return the bundle with that symbolic name, if installed */
    protected Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /** Waits for a service and returns it. */
    protected <T> T awaitService(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(Await.DEFAULT_TIMEOUT.toMillis());
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service within " + Await.DEFAULT_TIMEOUT.toSeconds() + " s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Runs a Gogo command line as the shell would and returns what it printed. */
    protected GogoSession.Output gogo(String commandLine) throws InterruptedException {
        return GogoSession.run(awaitService(CommandProcessor.class), commandLine);
    }

    /** Installs and starts a plugin bundle from its file's location, which must be an untrusted one. */
    protected Bundle installPlugin(Path jar) throws BundleException {
        String location = ReactorBundles.location(jar);
        String trusted = context.getProperty(SandboxContainerOptions.TRUSTED_LOCATIONS);
        for (String prefix : trusted.split(",")) {
            if (location.startsWith(prefix)) {
                throw new AssertionError("test bug: plugin location " + location + " is trusted by prefix " + prefix);
            }
        }
        Bundle bundle = context.installBundle(location);
        start(bundle);
        return bundle;
    }

    /**
     * Starts a bundle as a client of Felix must: Felix refuses a start with "Unable to acquire global lock for
     * resolve" when it interrupts the starting thread so that a resolve or refresh holding the global lock can take
     * the bundle's lock (its deadlock avoidance). Sandbox resolves plugins again after a policy change, so a test that
     * changes a policy and then starts the bundle can meet that; the start is tried again, for up to 10 s. Every other
     * failure is thrown at once.
     */
    protected static void start(Bundle bundle) throws BundleException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                bundle.start();
                return;
            } catch (BundleException e) {
                String message = String.valueOf(e.getMessage());
                if (!message.startsWith("Unable to acquire global lock") || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.interrupted();   // Felix's interrupt, should it still be set
            }
        }
    }

    /** @return the folder FileInstall watches in this container */
    protected Path deployDir() {
        return Paths.get(context.getProperty(SandboxContainerOptions.DEPLOY_DIR));
    }

    /** @return a new empty folder for this test's files, outside the deploy folder and every trusted location */
    protected Path scratchDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(ReactorBundles.workDir()), "scratch-");
    }

    /** Moves a finished file into the deploy folder in one step, so FileInstall never sees half of it. */
    protected Path deploy(Path file) throws IOException {
        return Files.move(file, deployDir().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
}
